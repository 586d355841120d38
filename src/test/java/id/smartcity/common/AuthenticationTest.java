package id.smartcity.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

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
