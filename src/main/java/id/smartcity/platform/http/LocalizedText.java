package id.smartcity.platform.http;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Read-only reference text in id and en, up to 2000 characters: readiness names clients write are LocalizedName. */
@Schema(name = "LocalizedText")
public record LocalizedText(
        @Schema(examples = "Pelayanan Publik", maxLength = 2000)
        String id,

        @Schema(examples = "Public services", maxLength = 2000)
        String en) {}
