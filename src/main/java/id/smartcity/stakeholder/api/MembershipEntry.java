package id.smartcity.stakeholder.api;

import id.smartcity.dimension.DimensionCode;
import id.smartcity.stakeholder.MembershipRole;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DimensionMembership", description = "The stakeholder's role in one dimension")
public record MembershipEntry(
        @NotNull DimensionCode dimension, @NotNull MembershipRole role) {}
