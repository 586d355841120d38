package id.smartcity.readiness.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A name in Bahasa Indonesia and English. */
@Schema(name = "LocalizedName")
public record Name(
        @NotBlank @Size(max = 200) @Schema(examples = "Struktur", maxLength = 200)
        String id,

        @NotBlank @Size(max = 200) @Schema(examples = "Structure", maxLength = 200)
        String en) {}
