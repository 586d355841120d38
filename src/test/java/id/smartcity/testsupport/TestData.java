package id.smartcity.testsupport;

import static io.restassured.RestAssured.given;

import id.smartcity.platform.security.Roles;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Each test makes its own data: fresh region codes, created through the API as an admin. */
public final class TestData {

    // Codes 40.00-99.99 are unused by the demo data and by other test helpers.
    private static final AtomicInteger NEXT =
            new AtomicInteger(4000 + ThreadLocalRandom.current().nextInt(3000));

    private TestData() {}

    public static String freshRegionCode() {
        int n = NEXT.getAndIncrement();
        return String.format("%02d.%02d", n / 100, n % 100);
    }

    public static String adminToken() {
        return Tokens.user("test-admin").roles(Roles.ADMIN).sign();
    }

    /** Creates a kabupaten with the given code and name; returns the code. */
    public static String createRegion(String code, String name) {
        given().auth()
                .oauth2(adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", name, "type", "KABUPATEN", "province", "Jawa Tengah"))
                .post("/api/v1/regions")
                .then()
                .statusCode(201);
        return code;
    }

    public static String createRegion(String name) {
        return createRegion(freshRegionCode(), name);
    }

    /** Creates a government agency among the region's stakeholders; returns its id. */
    public static String createStakeholder(String region, String name) {
        return given().auth()
                .oauth2(adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", "GOVERNMENT_AGENCY"))
                .post("/api/v1/regions/" + region + "/stakeholders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
