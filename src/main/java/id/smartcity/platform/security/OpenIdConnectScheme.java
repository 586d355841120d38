package id.smartcity.platform.security;

import id.smartcity.platform.openapi.OpenApiTrees;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The contract's second security scheme, {@value #NAME}: the same access tokens as {@code
 * bearerAuth}, described as OpenID Connect so that a tool can log in itself (Swagger UI's
 * <em>Authorize</em>, through the dashboard client with authorization code + PKCE). {@code
 * quarkus.smallrye-openapi.security-scheme} declares one scheme only ({@code bearerAuth}, whose
 * requirements list the roles); this filter adds the component and, on every operation that
 * requires {@code bearerAuth}, the alternative requirement {@code oidc: []} (OpenID Connect
 * requirements list scopes, and the API asks for none). Additive: {@code bearerAuth} stays as it
 * was.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenIdConnectScheme implements OASFilter {

    public static final String NAME = "oidc";
    static final String BEARER = "bearerAuth";
    /** The realm of the local stack ({@code ./run.sh}); a deployment's is {@code OIDC_AUTH_SERVER_URL}. */
    static final String DISCOVERY_URL = "http://localhost:8180/realms/smartcity/.well-known/openid-configuration";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = OpenApiTrees.components(openAPI);
        components.addSecurityScheme(
                NAME,
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.OPENIDCONNECT)
                        .openIdConnectUrl(DISCOVERY_URL)
                        .description("The same access tokens as bearerAuth, obtained by logging in to the Keycloak"
                                + " realm smartcity (the public client smartcity-dashboard: authorization code +"
                                + " PKCE S256). The URL is the realm of the local stack (./run.sh); a deployment's"
                                + " realm is its OIDC_AUTH_SERVER_URL, whose discovery document is at"
                                + " /.well-known/openid-configuration under it."));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            Map<PathItem.HttpMethod, Operation> operations = item.getOperations();
            if (operations == null) {
                continue;
            }
            for (Operation operation : operations.values()) {
                List<SecurityRequirement> requirements = operation.getSecurity();
                if (requirements == null
                        || requirements.stream().noneMatch(r -> r.hasScheme(BEARER))
                        || requirements.stream().anyMatch(r -> r.hasScheme(NAME))) {
                    continue;
                }
                operation.addSecurityRequirement(
                        OASFactory.createSecurityRequirement().addScheme(NAME, List.of()));
            }
        }
    }
}
