package id.smartcity.bimtek.api;

import id.smartcity.dimension.DimensionCode;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BimtekStageSession", description = "An FGD session held in the stage")
public record StageSessionResponse(
        UUID id,
        @Schema(maxLength = 200) String title,
        DimensionCode dimension,

        @Schema(description = "The session's bimtekDay", minimum = "1", maximum = "10")
        int day,

        OffsetDateTime scheduledStart,

        @Schema(
                description = "PLANNED, HELD or CANCELLED",
                enumeration = {"PLANNED", "HELD", "CANCELLED"})
        String status,

        @Schema(examples = "/api/v1/regions/33.03/fgd-sessions/4f1c2a8e-0b7d-4c55-9a53-1f0e6b8d2c11", maxLength = 200)
        String href) {}
