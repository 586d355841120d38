package id.smartcity.region;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import id.smartcity.platform.security.Roles;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegionResourceTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Test
    void adminCreatesARegionWithItsBodiesAndCoordinators() {
        String code = TestData.freshRegionCode();
        Map<String, Object> body = Map.of(
                "code",
                code,
                "name",
                "Kabupaten Contoh",
                "type",
                "KABUPATEN",
                "province",
                "Jawa Tengah",
                "cohortYear",
                2024,
                "smartCityBodies",
                List.of(
                        Map.of("body", "TIM_TEKNIS"),
                        Map.of("body", "DEWAN_SMART_CITY", "decreeNumber", "100/12/2024")),
                "dimensionCoordinators",
                List.of(
                        Map.of("dimension", "ECONOMY", "agency", "Dinas Perindustrian"),
                        Map.of("dimension", "GOVERNANCE", "agency", "Dinas Komunikasi dan Informatika")));

        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/regions")
                .then()
                .statusCode(201)
                .header("Location", equalTo("http://localhost:" + RestAssured.port + "/api/v1/regions/" + code))
                .header("ETag", equalTo("\"0\""))
                .body("code", equalTo(code))
                .body("cohortYear", equalTo(2024))
                .body("version", equalTo(0))
                .body("createdAt", notNullValue())
                // Listed in the decree's and the movement's order, whatever order they were sent in.
                .body("smartCityBodies.body", contains("DEWAN_SMART_CITY", "TIM_TEKNIS"))
                .body("smartCityBodies[0].decreeNumber", equalTo("100/12/2024"))
                .body("dimensionCoordinators.dimension", contains("GOVERNANCE", "ECONOMY"));

        given().auth()
                .oauth2(TestData.adminToken())
                .get("/api/v1/regions/" + code)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("name", equalTo("Kabupaten Contoh"))
                .body("dimensionCoordinators[1].agency", equalTo("Dinas Perindustrian"));
    }

    @Test
    void duplicateCodeIsAConflict() {
        String code = TestData.createRegion("Kabupaten Pertama");
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Kabupaten Kedua", "type", "KOTA", "province", "Jawa Barat"))
                .post("/api/v1/regions")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smartcity:problem:conflict"))
                .body("detail", equalTo("Region " + code + " already exists"));
    }

    @Test
    void malformedCodeIsA400NamingCode() {
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        "3303",
                        "name",
                        "Kabupaten Purbalingga",
                        "type",
                        "KABUPATEN",
                        "province",
                        "Jawa Tengah"))
                .post("/api/v1/regions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smartcity:problem:validation"))
                .body("errors.field", contains("code"))
                .body("errors[0].message", equalTo("must be a Kemendagri code of the form NN.NN"));
    }

    @Test
    void everyInvalidFieldIsNamedInOneProblem() {
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code", TestData.freshRegionCode(),
                        "name", " ",
                        "province", "x".repeat(101),
                        "cohortYear", 1999,
                        "dimensionCoordinators",
                                List.of(
                                        Map.of("dimension", "LIVING", "agency", "Dinas Kesehatan"),
                                        Map.of("dimension", "LIVING", "agency", "Dinas Perhubungan"))))
                .post("/api/v1/regions")
                .then()
                .statusCode(400)
                .body("errors.field", contains("cohortYear", "name", "province", "type"));
    }

    @Test
    void aDimensionListedTwiceIsNamed() {
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code", TestData.freshRegionCode(),
                        "name", "Kota Contoh",
                        "type", "KOTA",
                        "province", "Jawa Tengah",
                        "dimensionCoordinators",
                                List.of(
                                        Map.of("dimension", "LIVING", "agency", "Dinas Kesehatan"),
                                        Map.of("dimension", "LIVING", "agency", "Dinas Perhubungan"))))
                .post("/api/v1/regions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("dimensionCoordinators[1].dimension"))
                .body("errors[0].message", equalTo("is listed more than once: LIVING"));
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("code", TestData.freshRegionCode(), "name", "X", "type", "PROVINSI", "province", "Y"))
                .post("/api/v1/regions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", equalTo("must be one of KABUPATEN, KOTA"));
    }

    @Test
    void nonAdminsCannotCreateRegions() {
        for (String role : List.of(Roles.COORDINATOR, Roles.CONTRIBUTOR, Roles.VIEWER, Roles.AUDITOR)) {
            given().auth()
                    .oauth2(Tokens.of(role, "33.03"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("code", TestData.freshRegionCode(), "name", "X", "type", "KOTA", "province", "Y"))
                    .post("/api/v1/regions")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:smartcity:problem:forbidden"));
        }
    }

    @Test
    void conditionalGetAnswers304ForTheCurrentVersion() {
        String code = TestData.createRegion("Kabupaten Etag");
        given().auth()
                .oauth2(TestData.adminToken())
                .header("If-None-Match", "\"0\"")
                .get("/api/v1/regions/" + code)
                .then()
                .statusCode(304)
                .header("ETag", equalTo("\"0\""))
                .body(equalTo(""));
        given().auth()
                .oauth2(TestData.adminToken())
                .header("If-None-Match", "\"7\"")
                .get("/api/v1/regions/" + code)
                .then()
                .statusCode(200)
                .body("code", equalTo(code));
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndBumpsTheVersion() {
        String code = TestData.createRegion("Kabupaten Lama");
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(MERGE_PATCH)
                .header("If-Match", "\"0\"")
                .body(Map.of("name", "Kabupaten Baru", "cohortYear", 2025))
                .patch("/api/v1/regions/" + code)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("name", equalTo("Kabupaten Baru"))
                .body("cohortYear", equalTo(2025))
                .body("province", equalTo("Jawa Tengah"))
                .body("type", equalTo("KABUPATEN"))
                .body("version", equalTo(1));

        // null clears an optional member; plain application/json is accepted as a merge patch too.
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body("{\"cohortYear\": null}")
                .patch("/api/v1/regions/" + code)
                .then()
                .statusCode(200)
                .body("cohortYear", nullValue())
                .body("name", equalTo("Kabupaten Baru"))
                .body("version", equalTo(2));
    }

    @Test
    void patchThatChangesNothingKeepsTheVersion() {
        String code = TestData.createRegion("Kabupaten Tetap");
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(MERGE_PATCH)
                .body(Map.of("name", "Kabupaten Tetap"))
                .patch("/api/v1/regions/" + code)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""));
    }

    @Test
    void staleIfMatchIs412AndChangesNothing() {
        String code = TestData.createRegion("Kabupaten Asli");
        patch(code, Map.of("name", "Perubahan Pertama"), "\"0\"").then().statusCode(200);

        patch(code, Map.of("name", "Perubahan Basi"), "\"0\"")
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smartcity:problem:precondition-failed"))
                .body("detail", containsString("current version \"1\""));

        given().auth()
                .oauth2(TestData.adminToken())
                .get("/api/v1/regions/" + code)
                .then()
                .body("name", equalTo("Perubahan Pertama"))
                .header("ETag", equalTo("\"1\""));
    }

    @Test
    void ifMatchThatIsNotAnEntityTagIs400() {
        String code = TestData.createRegion("Kabupaten Tag");
        patch(code, Map.of("name", "X"), "0").then().statusCode(400).body("errors[0].field", equalTo("If-Match"));
    }

    @Test
    void patchRejectsReadOnlyAndUnknownPropertiesByName() {
        String code = TestData.createRegion("Kabupaten Kunci");
        patch(code, Map.of("code", "33.99"), null)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("code"))
                .body("errors[0].message", equalTo("is read-only"));
        patch(code, Map.of("version", 5), null)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("version"))
                .body("errors[0].message", equalTo("is read-only"));
        patch(code, Map.of("mayor", "Someone"), null)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("mayor"))
                .body("errors[0].message", equalTo("is not a known property"));
    }

    @Test
    void patchCannotClearARequiredField() {
        String code = TestData.createRegion("Kabupaten Wajib");
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(MERGE_PATCH)
                .body("{\"name\": null}")
                .patch("/api/v1/regions/" + code)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void patchIsAdminOnly() {
        String code = TestData.createRegion("Kabupaten Hak");
        given().auth()
                .oauth2(Tokens.of(Roles.COORDINATOR, code))
                .contentType(MERGE_PATCH)
                .body(Map.of("name", "X"))
                .patch("/api/v1/regions/" + code)
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:smartcity:problem:forbidden"));
    }

    @Test
    void aUserOfRegionAReadingRegionBGets404() {
        String a = TestData.createRegion("Kabupaten A");
        String b = TestData.createRegion("Kabupaten B");
        String token = Tokens.of(Roles.COORDINATOR, a);
        given().auth().oauth2(token).get("/api/v1/regions/" + a).then().statusCode(200);
        given().auth()
                .oauth2(token)
                .get("/api/v1/regions/" + b)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("Region " + b + " not found"));
    }

    @Test
    void listsShowOnlyTheCallersRegions() {
        String a = TestData.createRegion("Kabupaten Daftar A");
        String b = TestData.createRegion("Kabupaten Daftar B");
        String c = TestData.createRegion("Kabupaten Daftar C");
        given().auth()
                .oauth2(Tokens.of(Roles.VIEWER, a, c))
                .get("/api/v1/regions?limit=100")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.code", contains(a, c));

        // No region claim: a viewer sees nothing, an auditor sees every region.
        given().auth()
                .oauth2(Tokens.of(Roles.VIEWER))
                .get("/api/v1/regions")
                .then()
                .body("total", equalTo(0));
        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .queryParam("q", "daftar b")
                .get("/api/v1/regions")
                .then()
                .body("items.code", contains(b));
        // An auditor with a claim is limited to it.
        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR, a))
                .get("/api/v1/regions/" + b)
                .then()
                .statusCode(404);
    }

    @Test
    void listFiltersAndSorts() {
        String first = TestData.createRegion("Kabupaten Urut Zeta");
        String second = TestData.createRegion("Kabupaten Urut Alfa");
        given().auth()
                .oauth2(TestData.adminToken())
                .queryParam("q", "URUT")
                .queryParam("sort", "name")
                .queryParam("type", "KABUPATEN")
                .get("/api/v1/regions")
                .then()
                .statusCode(200)
                .body("items.code", contains(second, first))
                .body("total", equalTo(2));
        given().auth()
                .oauth2(TestData.adminToken())
                .queryParam("q", "URUT")
                .queryParam("sort", "-code")
                .get("/api/v1/regions")
                .then()
                .body("items.code", contains(second, first));
        given().auth()
                .oauth2(TestData.adminToken())
                .queryParam("q", "URUT")
                .queryParam("type", "KOTA")
                .get("/api/v1/regions")
                .then()
                .body("total", equalTo(0));
    }

    @Test
    void likeWildcardsInQAreLiteral() {
        TestData.createRegion("Kabupaten Persen");
        given().auth()
                .oauth2(TestData.adminToken())
                .queryParam("q", "%")
                .get("/api/v1/regions")
                .then()
                .statusCode(200)
                .body("items.name", not(hasItem("Kabupaten Persen")));
    }

    @Test
    void malformedPathCodeIs400() {
        given().auth()
                .oauth2(TestData.adminToken())
                .get("/api/v1/regions/purbalingga")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));
    }

    private static Response patch(String code, Object body, String ifMatch) {
        var request = given().auth()
                .oauth2(TestData.adminToken())
                .contentType(MERGE_PATCH)
                .body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.patch("/api/v1/regions/" + code);
    }
}
