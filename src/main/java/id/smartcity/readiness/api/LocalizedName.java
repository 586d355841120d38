package id.smartcity.readiness.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A name in id and en that clients write: both required, up to 200 characters (read-only text is LocalizedText). */
@Schema(name = "LocalizedName")
public record LocalizedName(
        @NotBlank @Size(max = 200) @Schema(examples = "Struktur", maxLength = 200)
        String id,

        @NotBlank @Size(max = 200) @Schema(examples = "Structure", maxLength = 200)
        String en) {}
