package id.smartcity.fgd.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FgdInviteRequest", description = "Stakeholders of the session's region to invite")
public record InviteRequest(
        @NotEmpty @Size(max = 200) @Schema(type = SchemaType.ARRAY, implementation = UUID.class, maxItems = 200)
        List<@NotNull UUID> stakeholderIds) {}
