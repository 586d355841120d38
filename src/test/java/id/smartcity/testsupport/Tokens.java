package id.smartcity.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Real signed access tokens shaped like Keycloak's: RS256 with the test provider's key, {@code
 * aud} = the API's client id, roles in {@code realm_access.roles}, regions in {@code
 * region_codes}. The builder can also make every kind of bad token.
 */
public final class Tokens {

    public static final String AUDIENCE = "smartcity-api";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> header = new LinkedHashMap<>();
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private PrivateKey key = trustedKey();

    private Tokens(String username) {
        long now = Instant.now().getEpochSecond();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", OidcServerResource.KEY_ID);
        claims.put("iss", issuer());
        claims.put(
                "sub",
                UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8))
                        .toString());
        claims.put("preferred_username", username);
        claims.put("azp", "smartcity-dashboard");
        claims.put("aud", AUDIENCE);
        claims.put("iat", now);
        claims.put("exp", now + 300);
        claims.put("realm_access", Map.of("roles", List.of()));
    }

    /** A user token; add roles and regions, then {@link #sign()}. */
    public static Tokens user(String username) {
        return new Tokens(username);
    }

    /** Shortcut: a signed token of one role in the given regions. */
    public static String of(String role, String... regions) {
        Tokens t = user(role + "-" + String.join("-", regions)).roles(role);
        return (regions.length == 0 ? t : t.regions(regions)).sign();
    }

    public Tokens roles(String... roles) {
        claims.put("realm_access", Map.of("roles", List.of(roles)));
        return this;
    }

    public Tokens regions(String... codes) {
        claims.put("region_codes", List.of(codes));
        return this;
    }

    public Tokens claim(String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        return this;
    }

    public Tokens header(String name, Object value) {
        header.put(name, value);
        return this;
    }

    public Tokens signedWith(PrivateKey other) {
        this.key = other;
        return this;
    }

    public String sign() {
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none} with an empty signature. */
    public String unsigned() {
        header.put("alg", "none");
        return encode(header) + "." + encode(claims) + ".";
    }

    /** HS256 "signed" with the provider's public key as the HMAC secret: the key-confusion attack. */
    public String hs256WithPublicKey() {
        header.put("alg", "HS256");
        String signingInput = encode(header) + "." + encode(claims);
        try {
            byte[] secret = Base64.getDecoder()
                    .decode(ConfigProvider.getConfig().getValue("smartcity.test.public-key", String.class));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return signingInput + "." + b64(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed, then one claim changed: the signature no longer covers the payload. */
    public String tampered(String claim, Object value) {
        String[] parts = sign().split("\\.");
        claims.put(claim, value);
        return parts[0] + "." + encode(claims) + "." + parts[2];
    }

    /** The subject the tokens of {@link #user} carry for a username. */
    public static String subjectOf(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static String issuer() {
        return ConfigProvider.getConfig().getValue("smartcity.test.issuer", String.class);
    }

    private static PrivateKey trustedKey() {
        try {
            byte[] der = Base64.getDecoder()
                    .decode(ConfigProvider.getConfig().getValue("smartcity.test.private-key", String.class));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, Object> json) {
        try {
            return b64(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
