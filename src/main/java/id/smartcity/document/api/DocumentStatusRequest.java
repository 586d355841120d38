package id.smartcity.document.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DocumentStatusRequest", description = "Why a document is archived, or why its content is removed")
public record DocumentStatusRequest(
        @NotBlank
        @Size(max = 500)
        @Schema(examples = "Diganti dengan notulen yang telah ditandatangani", maxLength = 500)
        String reason) {}
