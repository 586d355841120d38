package id.smartcity.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** The caller and regions read from a token, and kept on its identity so they are read once. */
class CallerFactsTest {

    private static SecurityIdentity identity(Map<String, Object> claims) {
        JwtClaims jwt = new JwtClaims();
        claims.forEach(jwt::setClaim);
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new DefaultJWTCallerPrincipal("JWT", jwt))
                .addRole(Roles.COORDINATOR)
                .build();
    }

    @Test
    void aPersonsTokenNamesTheUserAndTheRegionsItLists() {
        SecurityIdentity person = identity(Map.of(
                "sub",
                "f1d2",
                "preferred_username",
                "sari",
                "azp",
                "dashboard",
                RegionScope.CLAIM,
                List.of("33.03", "not-a-code", "33.02,33.04")));
        CallerFacts facts = CallerFacts.of(person);
        assertEquals(Optional.of("user:f1d2"), facts.caller());
        assertEquals(Set.of("33.02", "33.03", "33.04"), facts.regions());
        assertTrue(facts.regionClaim());
    }

    @Test
    void aServiceAccountIsItsClientAndATokenWithoutTheClaimSaysSo() {
        CallerFacts facts = CallerFacts.of(identity(Map.of(
                "sub", "9a0b", "preferred_username", "service-account-sipd", "azp", "sipd", "client_id", "sipd")));
        assertEquals(Optional.of("client:sipd"), facts.caller());
        assertEquals(Set.of(), facts.regions());
        assertFalse(facts.regionClaim());
    }

    @Test
    void keptFactsAreReadOnceAndTravelWithTheIdentity() {
        SecurityIdentity verified = identity(Map.of("sub", "f1d2", RegionScope.CLAIM, List.of("33.03")));
        SecurityIdentity kept = CallerFacts.kept(verified);
        assertNotSame(verified, kept);
        CallerFacts facts = (CallerFacts) kept.getAttribute(CallerFacts.ATTRIBUTE);
        assertEquals(Optional.of("user:f1d2"), facts.caller());
        assertSame(facts, CallerFacts.of(kept), "answered from the identity, not read again");
        assertSame(kept, CallerFacts.kept(kept));
        assertEquals(kept.getPrincipal(), verified.getPrincipal());
        assertEquals(kept.getRoles(), verified.getRoles());
        // A copy of the identity (as the verified-token cache makes) keeps them.
        SecurityIdentity copy = QuarkusSecurityIdentity.builder(kept).build();
        assertSame(facts, CallerFacts.of(copy));
    }

    @Test
    void anAnonymousCallerHasNoFacts() {
        SecurityIdentity anonymous =
                QuarkusSecurityIdentity.builder().setAnonymous(true).build();
        assertEquals(Optional.empty(), CallerFacts.of(anonymous).caller());
        assertSame(anonymous, CallerFacts.kept(anonymous));
        assertEquals(Optional.empty(), CallerFacts.of(null).caller());
    }
}
