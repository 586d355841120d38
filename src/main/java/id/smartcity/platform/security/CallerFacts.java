package id.smartcity.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What every request reads from its caller's token: who is calling ({@link Callers}) and the
 * regions the token names ({@link RegionScope}). Read once per verified token and kept on the
 * identity, which the verified-token cache reuses: reading a custom claim through {@link
 * JsonWebToken#getClaim} throws and catches an exception inside smallrye-jwt (the name is not one
 * of its standard claims), and that was 7 % of the CPU of a simple read (issue #9).
 *
 * @param caller the caller, empty for an anonymous identity
 * @param regions the region codes the token's {@code region_codes} claim names
 * @param regionClaim whether the token has that claim at all
 */
public record CallerFacts(Optional<String> caller, Set<String> regions, boolean regionClaim) {

    /** The identity attribute that holds an identity's facts once read. */
    public static final String ATTRIBUTE = "smartcity.caller-facts";

    private static final CallerFacts ANONYMOUS = new CallerFacts(Optional.empty(), Set.of(), false);

    /** The identity's facts: those kept on it, else read from its token now. */
    public static CallerFacts of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return ANONYMOUS;
        }
        return identity.getAttribute(ATTRIBUTE) instanceof CallerFacts kept ? kept : read(identity);
    }

    /** The identity with its facts kept on it (the same identity if they already are). */
    public static SecurityIdentity kept(SecurityIdentity identity) {
        if (identity.isAnonymous() || identity.getAttribute(ATTRIBUTE) instanceof CallerFacts) {
            return identity;
        }
        return QuarkusSecurityIdentity.builder(identity)
                .addAttribute(ATTRIBUTE, read(identity))
                .build();
    }

    private static CallerFacts read(SecurityIdentity identity) {
        Object claim = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(RegionScope.CLAIM) : null;
        return new CallerFacts(Callers.read(identity), RegionScope.codes(claim), claim != null);
    }
}
