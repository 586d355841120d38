package id.smartcity.readiness.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new version of a framework (version 1 of a new code). */
@Schema(name = "FrameworkVersionRequest")
public record FrameworkRequest(
        @NotNull
        @Pattern(regexp = FrameworkDefinition.CODE, message = "must be UPPER_SNAKE_CASE, at most 40 characters")
        @Schema(examples = "READINESS", maxLength = 40)
        String code,

        @NotNull @Valid LocalizedName name,
        @Size(max = 2000) @Schema(maxLength = 2000) String description,
        @NotNull @Valid FrameworkDefinition definition) {}
