package id.smartcity.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as one stable string that rate limits and idempotency keys are scoped by: {@code
 * user:<token subject>} for a person, {@code client:<client id>} for a service account (every
 * token of an integrating system, whichever instance of it asked for the token, is one caller).
 */
public final class Callers {

    public static final String USER = "user:";
    public static final String CLIENT = "client:";
    public static final String IP = "ip:";

    private static final String SERVICE_ACCOUNT_USERNAME = "service-account-";

    private Callers() {}

    /** The caller of an authenticated identity; empty for an anonymous one. */
    public static Optional<String> of(SecurityIdentity identity) {
        return CallerFacts.of(identity).caller();
    }

    /** The caller, read from the identity's token now (see {@link CallerFacts}). */
    static Optional<String> read(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String clientId = claim(jwt, "client_id");
            String username = claim(jwt, "preferred_username");
            // Keycloak's client-credentials tokens: a "service-account-<client>" user, and client_id.
            boolean serviceAccount =
                    clientId != null || (username != null && username.startsWith(SERVICE_ACCOUNT_USERNAME));
            String client = claim(jwt, "azp") != null ? claim(jwt, "azp") : clientId;
            if (serviceAccount && client != null) {
                return Optional.of(CLIENT + client);
            }
            if (jwt.getSubject() != null) {
                return Optional.of(USER + jwt.getSubject());
            }
        }
        return Optional.of(USER + identity.getPrincipal().getName());
    }

    /** An unauthenticated caller, by address. */
    public static String ofAddress(String address) {
        return IP + (address == null ? "unknown" : address);
    }

    private static String claim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        String text =
                value instanceof jakarta.json.JsonString s ? s.getString() : value == null ? null : value.toString();
        return text == null || text.isBlank() ? null : text;
    }
}
