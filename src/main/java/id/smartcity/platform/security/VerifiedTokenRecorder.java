package id.smartcity.platform.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads the caller's {@link Caller} once and keeps them on the identity, then files each
 * bearer token that quarkus-oidc has just verified, with that identity, in {@link VerifiedTokens}.
 * Runs only on success: an invalid token never reaches an augmentor.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

    @Inject
    VerifiedTokens tokens;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity verified, AuthenticationRequestContext context) {
        SecurityIdentity identity = Caller.kept(verified);
        if (!identity.isAnonymous()
                && identity.getAttribute(VerifiedTokens.FROM_CACHE) == null
                && identity.getPrincipal() instanceof JsonWebToken jwt
                && jwt.getExpirationTime() > 0) {
            AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
            if (credential != null && credential.getToken() != null) {
                tokens.remember(credential.getToken(), identity, jwt.getExpirationTime(), System.currentTimeMillis());
            }
        }
        return Uni.createFrom().item(identity);
    }
}
