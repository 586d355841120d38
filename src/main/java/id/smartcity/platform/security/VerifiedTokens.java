package id.smartcity.platform.security;

import id.smartcity.platform.http.CacheCounters;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens whose signature, issuer, audience and lifetime quarkus-oidc has verified, with the
 * identity built from them, so that the next request with the very same token (byte for byte) is
 * not verified again: an RS256 signature check and the parsing of the token were a quarter of the
 * API's CPU samples for a simple read (issue #9).
 *
 * <p>An entry is used until the token expires, and for at most {@link #MAX_AGE_MILLIS} after it
 * was verified, so that a signing key the provider withdraws stops being honoured within a minute
 * (as when the provider's keys are refreshed). Only verified tokens are ever filed; a token that
 * differs in one byte is a different key, verified afresh. Bounded: at {@link #MAX_ENTRIES} the
 * cache starts over.
 */
@ApplicationScoped
public class VerifiedTokens {

    static final int MAX_ENTRIES = 5_000;
    static final long MAX_AGE_MILLIS = 60_000;

    /** Marks an identity answered from here, so that it is not filed again with a new age. */
    static final String FROM_CACHE = "smartcity.verified-token-cache";

    /** Attributes of the request that verified a token, which {@link #detached} leaves out. */
    static final Set<String> REQUEST_ATTRIBUTES =
            Set.of(RoutingContext.class.getName(), AuthenticationRequestContext.class.getName());

    record Entry(SecurityIdentity identity, long validUntilMillis) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    MeterRegistry registry;

    private CacheCounters counters;

    @PostConstruct
    void init() {
        counters = CacheCounters.register(
                registry,
                "smartcity.verified.tokens",
                "Requests whose access token was verified before (hit) or is verified by quarkus-oidc (miss)");
    }

    /** The identity of a token verified before and still valid at {@code nowMillis}; else null. */
    SecurityIdentity find(String token, long nowMillis) {
        Entry e = entries.get(token);
        if (counters.count(e != null && nowMillis < e.validUntilMillis())) {
            return e.identity();
        }
        if (e != null) {
            entries.remove(token, e);
        }
        return null;
    }

    /** Files a token quarkus-oidc has just verified, expiring at {@code expiresAtSeconds}. */
    void remember(String token, SecurityIdentity identity, long expiresAtSeconds, long nowMillis) {
        long validUntil = Math.min(expiresAtSeconds * 1000, nowMillis + MAX_AGE_MILLIS);
        if (validUntil <= nowMillis) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(token, new Entry(detached(identity), validUntil));
    }

    /**
     * The identity without what belongs to the request that verified it (its routing context and
     * blocking-call context), so that a filed identity neither keeps that request in memory nor
     * lends it to another.
     */
    private static SecurityIdentity detached(SecurityIdentity identity) {
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials());
        identity.getAttributes().forEach((name, value) -> {
            if (!REQUEST_ATTRIBUTES.contains(name)) {
                copy.addAttribute(name, value);
            }
        });
        return copy.build();
    }
}
