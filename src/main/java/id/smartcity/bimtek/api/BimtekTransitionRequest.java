package id.smartcity.bimtek.api;

import id.smartcity.bimtek.BimtekStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BimtekTransitionRequest")
public record BimtekTransitionRequest(
        @NotNull BimtekStatus to,

        @NotBlank @Size(max = 500) @Schema(examples = "Dilaksanakan dua hari di Gedung Ardilawet", maxLength = 500)
        String reason) {}
