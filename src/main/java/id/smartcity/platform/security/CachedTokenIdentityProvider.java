package id.smartcity.platform.security;

import id.smartcity.platform.http.RequestPipeline;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Asked before quarkus-oidc's provider: answers a bearer token that {@link VerifiedTokens} holds
 * with a copy of its identity bound to this request; answers nothing otherwise, and quarkus-oidc
 * verifies the token ({@link VerifiedTokenRecorder} files it when valid).
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    VerifiedTokens tokens;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /**
     * Before quarkus-oidc's provider, which has the default priority (1001) and answers every token
     * it is given, valid or not.
     */
    @Override
    public int priority() {
        return RequestPipeline.TOKEN_CACHE;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        SecurityIdentity verified = tokens.find(request.getToken().getToken(), System.currentTimeMillis());
        if (verified == null) {
            return Uni.createFrom().nullItem();
        }
        // The same principal, roles and credential; this request's routing context, as quarkus-oidc
        // would have set it.
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(verified);
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (rc != null) {
            identity.addAttribute(RoutingContext.class.getName(), rc);
            identity.addAttribute(
                    AuthenticationRequestContext.class.getName(), rc.get(AuthenticationRequestContext.class.getName()));
        }
        identity.addAttribute(VerifiedTokens.FROM_CACHE, Boolean.TRUE);
        return Uni.createFrom().item(identity.build());
    }
}
