package id.smartcity.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;

/**
 * A minimal OpenID provider for the fast tests: an RSA key pair made for this run, the discovery
 * document and the JWKS, served on a free loopback port (Keycloak's 8180 stays free). Tests sign
 * real RS256 tokens with the private key through {@link Tokens}; the API verifies them exactly as
 * it verifies Keycloak's, by discovery and JWKS.
 */
public class OidcServerResource implements QuarkusTestResourceLifecycleManager {

    static final String KEY_ID = "test-signing-key";
    static final String REALM_PATH = "/realms/smartcity";

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        KeyPair keys = generate();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
        String discovery = """
                {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs",\
                "authorization_endpoint":"%1$s/protocol/openid-connect/auth",\
                "token_endpoint":"%1$s/protocol/openid-connect/token",\
                "id_token_signing_alg_values_supported":["RS256"],\
                "response_types_supported":["code"],"subject_types_supported":["public"]}""".formatted(issuer);
        RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
        String jwks = """
                {"keys":[{"kty":"RSA","kid":"%s","use":"sig","alg":"RS256","n":"%s","e":"%s"}]}""".formatted(KEY_ID, unsigned(pub.getModulus()), unsigned(pub.getPublicExponent()));
        server.createContext(REALM_PATH + "/.well-known/openid-configuration", ex -> send(ex, discovery));
        server.createContext(REALM_PATH + "/protocol/openid-connect/certs", ex -> send(ex, jwks));
        server.start();
        return Map.of(
                "quarkus.oidc.auth-server-url",
                issuer,
                "smartcity.test.issuer",
                issuer,
                "smartcity.test.private-key",
                Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()),
                "smartcity.test.public-key",
                Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        byte[] trimmed = new byte[bytes.length - skip];
        System.arraycopy(bytes, skip, trimmed, 0, trimmed.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(trimmed);
    }

    private static void send(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
