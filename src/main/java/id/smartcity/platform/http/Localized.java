package id.smartcity.platform.http;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reference name in Bahasa Indonesia ({@code id}) and English ({@code en}). */
@Schema(name = "LocalizedText")
public record Localized(
        @Schema(examples = "Pelayanan Publik", maxLength = 2000)
        String id,

        @Schema(examples = "Public services", maxLength = 2000)
        String en) {}
