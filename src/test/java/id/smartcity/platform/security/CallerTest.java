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
class CallerTest {

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
        Caller facts = Caller.of(person);
        assertEquals(Optional.of("user:f1d2"), facts.key());
        assertEquals(Set.of("33.02", "33.03", "33.04"), facts.regions());
        assertTrue(facts.regionClaim());
        assertEquals("f1d2", facts.subject());
        assertEquals("sari", facts.username());
        assertEquals("dashboard", facts.clientId(), "the client the person signed in through");
        assertFalse(facts.serviceAccount());
    }

    @Test
    void aServiceAccountIsItsClientAndATokenWithoutTheClaimSaysSo() {
        Caller facts = Caller.of(identity(Map.of(
                "sub", "9a0b", "preferred_username", "service-account-sipd", "azp", "sipd", "client_id", "sipd")));
        assertEquals(Optional.of("client:sipd"), facts.key());
        assertEquals(Set.of(), facts.regions());
        assertFalse(facts.regionClaim());
        assertTrue(facts.serviceAccount());
        assertEquals("sipd", facts.clientId());
    }

    @Test
    void keptFactsAreReadOnceAndTravelWithTheIdentity() {
        SecurityIdentity verified = identity(Map.of("sub", "f1d2", RegionScope.CLAIM, List.of("33.03")));
        SecurityIdentity kept = Caller.kept(verified);
        assertNotSame(verified, kept);
        Caller facts = (Caller) kept.getAttribute(Caller.ATTRIBUTE);
        assertEquals(Optional.of("user:f1d2"), facts.key());
        assertSame(facts, Caller.of(kept), "answered from the identity, not read again");
        assertSame(kept, Caller.kept(kept));
        assertEquals(kept.getPrincipal(), verified.getPrincipal());
        assertEquals(kept.getRoles(), verified.getRoles());
        // A copy of the identity (as the verified-token cache makes) keeps them.
        SecurityIdentity copy = QuarkusSecurityIdentity.builder(kept).build();
        assertSame(facts, Caller.of(copy));
    }

    @Test
    void anAnonymousCallerHasNoFacts() {
        SecurityIdentity anonymous =
                QuarkusSecurityIdentity.builder().setAnonymous(true).build();
        assertEquals(Optional.empty(), Caller.of(anonymous).key());
        assertSame(anonymous, Caller.kept(anonymous));
        assertEquals(Optional.empty(), Caller.of(null).key());
        assertEquals("system", Caller.of(anonymous).subject(), "work the service does itself");
        assertTrue(Caller.of(anonymous).anonymous());
        assertEquals("ip:10.0.0.7", Caller.keyOfAddress("10.0.0.7"));
    }
}
