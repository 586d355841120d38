package id.smartcity.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.smartcity.testsupport.Metrics;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of bad token is a quiet 401 problem with a Bearer challenge and no internals. */
@QuarkusTest
class AuthenticationTest {

    private static final String URL = "/api/v1/regions";

    @Test
    void noTokenIs401WithABearerChallenge() {
        given().get(URL)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"smartcity\""))
                .body("type", equalTo("urn:smartcity:problem:unauthorized"))
                .body("status", equalTo(401))
                .body("detail", equalTo("A bearer token is required"))
                .body("instance", equalTo("/api/v1/regions"));
    }

    @Test
    void validTokenIsAccepted() {
        given().auth().oauth2(Tokens.of(Roles.VIEWER, "33.03")).get(URL).then().statusCode(200);
    }

    @Test
    void expiredToken() {
        long past = Instant.now().minusSeconds(3600).getEpochSecond();
        rejects(Tokens.user("u")
                .roles(Roles.ADMIN)
                .claim("iat", past - 300)
                .claim("exp", past)
                .sign());
    }

    /**
     * A token verified once is answered from {@code VerifiedTokens} until it expires, and only that
     * token: a copy with a changed signature is verified afresh and refused, and the expired token
     * is refused although it was accepted a moment before.
     */
    @Test
    void aVerifiedTokenIsReusedOnlyAsItIsAndOnlyUntilItExpires() throws InterruptedException {
        long now = Instant.now().getEpochSecond();
        String token = Tokens.user("kadis-" + now)
                .roles(Roles.VIEWER)
                .regions("33.03")
                .claim("iat", now)
                .claim("exp", now + 3)
                .sign();
        double hitsBefore = Metrics.count("smartcity_verified_tokens_total", "hit");
        given().auth().oauth2(token).get(URL).then().statusCode(200);
        given().auth().oauth2(token).get(URL).then().statusCode(200).body("items.code", everyItem(equalTo("33.03")));
        assertTrue(
                Metrics.count("smartcity_verified_tokens_total", "hit") >= hitsBefore + 1,
                "the second request was answered from the cache");

        // One character in the middle of the signature changed (the last one may only carry
        // base64 padding bits, which decoders ignore).
        int dot = token.lastIndexOf('.');
        int at = dot + 20;
        String forged = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        assertTrue(dot > 0 && !forged.equals(token));
        rejects(forged);
        rejects(token.substring(0, dot) + "." + token.substring(dot + 1).toLowerCase());

        while (Instant.now().getEpochSecond() <= now + 3) {
            Thread.sleep(200);
        }
        rejects(token);
    }

    @Test
    void notYetValidToken() {
        long future = Instant.now().plusSeconds(3600).getEpochSecond();
        rejects(Tokens.user("u").roles(Roles.ADMIN).claim("nbf", future).sign());
    }

    @Test
    void wrongAudience() {
        rejects(Tokens.user("u").roles(Roles.ADMIN).claim("aud", "another-api").sign());
    }

    @Test
    void missingAudience() {
        rejects(Tokens.user("u").roles(Roles.ADMIN).claim("aud", null).sign());
    }

    @Test
    void wrongIssuer() {
        rejects(Tokens.user("u")
                .roles(Roles.ADMIN)
                .claim("iss", "http://127.0.0.1:1/realms/evil")
                .sign());
    }

    @Test
    void tamperedPayload() {
        rejects(Tokens.user("u")
                .roles(Roles.VIEWER)
                .tampered("realm_access", java.util.Map.of("roles", List.of("admin"))));
    }

    @Test
    void algNone() {
        rejects(Tokens.user("u").roles(Roles.ADMIN).unsigned());
    }

    @Test
    void hs256SignedWithThePublicKey() {
        rejects(Tokens.user("u").roles(Roles.ADMIN).hs256WithPublicKey());
    }

    @Test
    void signedByAKeyTheServerDoesNotTrust() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        rejects(Tokens.user("u")
                .roles(Roles.ADMIN)
                .signedWith(generator.generateKeyPair().getPrivate())
                .sign());
    }

    @Test
    void garbage() {
        rejects("not-a-jwt");
    }

    private static void rejects(String token) {
        given().auth()
                .oauth2(token)
                .get(URL)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"smartcity\", error=\"invalid_token\""))
                .body("type", equalTo("urn:smartcity:problem:unauthorized"))
                .body("detail", equalTo("The bearer token is not valid"))
                .body(allOf(
                        not(containsString("Exception")),
                        not(containsString("quarkus")),
                        not(containsString("jose4j")),
                        not(containsString("\tat "))));
    }
}
