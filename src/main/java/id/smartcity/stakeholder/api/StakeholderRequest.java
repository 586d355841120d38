package id.smartcity.stakeholder.api;

import id.smartcity.stakeholder.StakeholderKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The writable state of a stakeholder: the body of POST and PUT, and what a PATCH merges into.
 * {@code active} defaults to true on creation and is kept as it is when a PUT leaves it out.
 */
@Schema(name = "StakeholderRequest")
public record StakeholderRequest(
        @NotBlank
        @Size(max = 200)
        @Schema(examples = "Dinas Komunikasi dan Informatika Kabupaten Purbalingga", maxLength = 200)
        String name,

        @NotNull StakeholderKind kind,

        @Size(max = 200) @Schema(examples = "Pemerintah Kabupaten Purbalingga", maxLength = 200)
        String organisation,

        @Size(max = 200) @Schema(examples = "Kepala Dinas", maxLength = 200)
        String position,

        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an email address")
        @Size(max = 254)
        @Schema(description = "Personal data", examples = "dinkominfo@purbalinggakab.go.id", maxLength = 254)
        String email,

        @Size(max = 30)
        @Schema(
                description = "Personal data; an Indonesian number in any usual form, stored as +62…",
                examples = "0281-891234",
                maxLength = 30)
        String phone,

        @Size(max = 6) @Schema(maxItems = 6) List<@NotNull @Valid MembershipEntry> memberships,

        @Schema(description = "False once archived; only coordinators and admins change it")
        Boolean active) {}
