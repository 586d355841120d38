package id.smartcity.stakeholder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.smartcity.platform.security.Roles;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StakeholderResourceTest {

    private static String url(String region) {
        return "/api/v1/regions/" + region + "/stakeholders";
    }

    static Map<String, Object> body(String name, Object... memberships) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", "GOVERNMENT_AGENCY");
        body.put("organisation", "Pemerintah Kabupaten");
        body.put("position", "Kepala Dinas");
        body.put("email", "kontak@purbalinggakab.go.id");
        body.put("phone", "(0281) 891-234");
        body.put("memberships", List.of(memberships));
        return body;
    }

    static Map<String, String> member(String dimension, String role) {
        return Map.of("dimension", dimension, "role", role);
    }

    static String create(String region, String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(url(region))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void createsAStakeholderWithANormalisedPhoneAndReadsItBack() {
        String region = TestData.createRegion("Kabupaten Pemangku");
        String coordinator = Tokens.of(Roles.COORDINATOR, region);
        Response created = given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(body(
                        "Dinas Komunikasi dan Informatika", member("GOVERNANCE", "LEAD"), member("SOCIETY", "MEMBER")))
                .post(url(region));
        created.then()
                .statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .header("Location", startsWith("http://localhost:" + RestAssured.port + url(region) + "/"))
                .body("regionCode", equalTo(region))
                .body("phone", equalTo("+62281891234"))
                .body("email", equalTo("kontak@purbalinggakab.go.id"))
                .body("active", equalTo(true))
                .body("memberships.dimension", contains("GOVERNANCE", "SOCIETY"))
                .body("memberships.role", contains("LEAD", "MEMBER"));
        String id = created.path("id");
        given().auth()
                .oauth2(coordinator)
                .get(url(region) + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("name", equalTo("Dinas Komunikasi dan Informatika"));
    }

    @Test
    void personalDataOnlyForAdminCoordinatorAndContributorInJsonAndCsv() {
        String region = TestData.createRegion("Kabupaten Privasi");
        String id = create(region, TestData.adminToken(), body("Ibu Rahayu", member("LIVING", "MEMBER")));
        for (String role : List.of(Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR)) {
            String token = Tokens.of(role, region);
            given().auth()
                    .oauth2(token)
                    .get(url(region) + "/" + id)
                    .then()
                    .body("email", equalTo("kontak@purbalinggakab.go.id"))
                    .body("phone", equalTo("+62281891234"));
            String csv = csv(region, token);
            assertTrue(
                    csv.startsWith(
                            "\"id\",\"regionCode\",\"name\",\"kind\",\"organisation\",\"position\",\"email\",\"phone\""),
                    role + ": " + csv);
            // A cell starting with + is one a spreadsheet would run as a formula: neutralised.
            assertTrue(csv.contains("\"'+62281891234\""), role);
        }
        for (String role : List.of(Roles.VIEWER, Roles.AUDITOR)) {
            String token = Tokens.of(role, region);
            given().auth()
                    .oauth2(token)
                    .get(url(region) + "/" + id)
                    .then()
                    .statusCode(200)
                    .body("$", not(hasKey("email")))
                    .body("$", not(hasKey("phone")))
                    .body("name", equalTo("Ibu Rahayu"));
            given().auth()
                    .oauth2(token)
                    .get(url(region))
                    .then()
                    .body("items[0]", not(hasKey("email")))
                    .body("items[0]", not(hasKey("phone")));
            String csv = csv(region, token);
            assertFalse(
                    csv.contains("email") || csv.contains("phone") || csv.contains("891234") || csv.contains("kontak@"),
                    role + ": " + csv);
            assertTrue(csv.contains("\"Ibu Rahayu\""), role);
        }
    }

    @Test
    void theAuditTrailNeverHoldsPersonalData() {
        String region = TestData.createRegion("Kabupaten Jejak Privasi");
        String id = create(region, TestData.adminToken(), body("Pak Slamet"));
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType("application/merge-patch+json")
                .body(Map.of("phone", "0812-3456-7890"))
                .patch(url(region) + "/" + id)
                .then()
                .statusCode(200)
                .body("phone", equalTo("+6281234567890"));
        String trail = given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .queryParam("entityId", id)
                .get("/api/v1/audit-events")
                .then()
                .statusCode(200)
                .body("items.action", contains("CREATE", "UPDATE"))
                .body("items[0].after.email", equalTo("[personal data]"))
                .body("items[1].before.phone", equalTo("[personal data]"))
                .body("items[1].after.phone", equalTo("[personal data]"))
                .extract()
                .asString();
        assertFalse(trail.contains("891234") || trail.contains("81234567890") || trail.contains("kontak@"), trail);
    }

    @Test
    void invalidPhoneAndEmailAreNamed() {
        String region = TestData.createRegion("Kabupaten Kontak");
        Map<String, Object> bad = body("Salah Kontak");
        bad.put("phone", "+1 555 0100");
        bad.put("email", "not-an-address");
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(bad)
                .post(url(region))
                .then()
                .statusCode(400)
                .body("errors.field", contains("email"));
        bad.put("email", "ok@example.go.id");
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(bad)
                .post(url(region))
                .then()
                .statusCode(400)
                .body("errors.field", contains("phone"))
                .body("errors[0].message", containsString("Indonesian"));
    }

    @Test
    void oneLeadPerDimensionPerRegionAndTheConflictNamesTheLead() {
        String region = TestData.createRegion("Kabupaten Pimpinan");
        String lead = create(region, TestData.adminToken(), body("Bappeda", member("ECONOMY", "LEAD")));
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(body("Dinas Perindustrian", member("ECONOMY", "LEAD")))
                .post(url(region))
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:smartcity:problem:conflict"))
                .body("detail", containsString("ECONOMY already has a lead"))
                .body("detail", containsString("Bappeda"))
                .body("currentLead", equalTo(lead));
        // Another region may have its own lead; a MEMBER is always fine.
        String other = TestData.createRegion("Kabupaten Lain");
        create(other, TestData.adminToken(), body("Bappeda Lain", member("ECONOMY", "LEAD")));
        String member = create(region, TestData.adminToken(), body("Dinas Koperasi", member("ECONOMY", "MEMBER")));
        // Promoting the member is refused too, until the lead steps down.
        patchAsAdmin(region, member, Map.of("memberships", List.of(member("ECONOMY", "LEAD"))))
                .then()
                .statusCode(409);
        patchAsAdmin(region, lead, Map.of("memberships", List.of(member("ECONOMY", "MEMBER"))))
                .then()
                .statusCode(200);
        patchAsAdmin(region, member, Map.of("memberships", List.of(member("ECONOMY", "LEAD"))))
                .then()
                .statusCode(200)
                .body("memberships[0].role", equalTo("LEAD"));
    }

    @Test
    void aDimensionTwiceInOneStakeholderIsNamed() {
        String region = TestData.createRegion("Kabupaten Ganda");
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(body("Ganda", member("LIVING", "MEMBER"), member("LIVING", "LEAD")))
                .post(url(region))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("memberships[1].dimension"));
    }

    @Test
    void filtersByDimensionKindActiveAndAccentInsensitiveText() {
        String region = TestData.createRegion("Kabupaten Saring");
        String admin = TestData.adminToken();
        create(region, admin, body("Dinas Komunikasi dan Informatika", member("GOVERNANCE", "LEAD")));
        Map<String, Object> academic = body("Universitas Perwira Purbalingga", member("GOVERNANCE", "MEMBER"));
        academic.put("kind", "ACADEMIA");
        academic.put("organisation", "Fakultas Teknik Informátika");
        create(region, admin, academic);
        Map<String, Object> activist = body("Relawan TIK Purbalingga", member("SOCIETY", "MEMBER"));
        activist.put("kind", "ICT_COMMUNITY");
        activist.put("active", false);
        create(region, admin, activist);

        list(region, Map.of("dimension", "GOVERNANCE"))
                .body("total", equalTo(2))
                .body("items.name", contains("Dinas Komunikasi dan Informatika", "Universitas Perwira Purbalingga"));
        list(region, Map.of("kind", "ACADEMIA")).body("items.name", contains("Universitas Perwira Purbalingga"));
        list(region, Map.of("active", "false")).body("items.name", contains("Relawan TIK Purbalingga"));
        list(region, Map.of("q", "INFORMATIKA", "sort", "-name"))
                .body("items.name", contains("Universitas Perwira Purbalingga", "Dinas Komunikasi dan Informatika"));
        list(region, Map.of("q", "informátika")).body("total", equalTo(2));
        given().auth()
                .oauth2(admin)
                .queryParam("active", "yes")
                .get(url(region))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("active"));
        given().auth()
                .oauth2(admin)
                .queryParam("dimension", "HAPPINESS")
                .get(url(region))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("dimension"))
                .body("errors[0].message", containsString("GOVERNANCE"));
    }

    @Test
    void archivingIsForCoordinatorsAndIsAuditedAsArchive() {
        String region = TestData.createRegion("Kabupaten Arsip");
        String id = create(region, TestData.adminToken(), body("Dinas Lama"));
        given().auth()
                .oauth2(Tokens.of(Roles.CONTRIBUTOR, region))
                .contentType("application/merge-patch+json")
                .body(Map.of("active", false))
                .patch(url(region) + "/" + id)
                .then()
                .statusCode(403)
                .body("detail", containsString("archive"));
        given().auth()
                .oauth2(Tokens.of(Roles.COORDINATOR, region))
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body(Map.of("active", false))
                .patch(url(region) + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("active", equalTo(false));
        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .queryParam("entityId", id)
                .get("/api/v1/audit-events")
                .then()
                .body("items.action", contains("CREATE", "ARCHIVE"))
                .body("items[1].after.active", equalTo(false));
    }

    @Test
    void anUnreferencedStakeholderIsDeleted() {
        String region = TestData.createRegion("Kabupaten Hapus");
        String id = create(region, TestData.adminToken(), body("Salah Input"));
        given().auth()
                .oauth2(Tokens.of(Roles.CONTRIBUTOR, region))
                .delete(url(region) + "/" + id)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.of(Roles.COORDINATOR, region))
                .header("If-Match", "\"3\"")
                .delete(url(region) + "/" + id)
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(Tokens.of(Roles.COORDINATOR, region))
                .header("If-Match", "\"0\"")
                .delete(url(region) + "/" + id)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(TestData.adminToken())
                .get(url(region) + "/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .queryParam("entityId", id)
                .get("/api/v1/audit-events")
                .then()
                .body("items.action", contains("CREATE", "DELETE"))
                .body("items[1].before.name", equalTo("Salah Input"));
    }

    @Test
    void putReplacesEveryFieldAndHonoursIfMatch() {
        String region = TestData.createRegion("Kabupaten Ganti");
        String id = create(region, TestData.adminToken(), body("Nama Lama", member("BRANDING", "MEMBER")));
        Map<String, Object> replacement = new HashMap<>(Map.of("name", "Nama Baru", "kind", "BUSINESS"));
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(replacement)
                .put(url(region) + "/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Nama Baru"))
                .body("$", not(hasKey("phone")))
                .body("organisation", equalTo(null))
                .body("memberships", org.hamcrest.Matchers.empty())
                .body("active", equalTo(true));
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(replacement)
                .put(url(region) + "/" + id)
                .then()
                .statusCode(412);
        replacement.put("id", id);
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(replacement)
                .put(url(region) + "/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("id"))
                .body("errors[0].message", equalTo("is read-only"));
    }

    @Test
    void anotherRegionsUserGets404ForEveryOperationByIdAndOnItsLists() {
        String region = TestData.createRegion("Kabupaten Tertutup");
        String other = TestData.createRegion("Kabupaten Tetangga");
        String id = create(region, TestData.adminToken(), body("Rahasia"));
        String outsider = Tokens.of(Roles.COORDINATOR, other);
        String path = url(region) + "/" + id;
        given().auth().oauth2(outsider).get(path).then().statusCode(404);
        given().auth()
                .oauth2(outsider)
                .contentType(ContentType.JSON)
                .body(body("Ambil"))
                .put(path)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(outsider)
                .contentType("application/merge-patch+json")
                .body(Map.of("name", "Ambil"))
                .patch(path)
                .then()
                .statusCode(404);
        given().auth().oauth2(outsider).delete(path).then().statusCode(404);
        given().auth()
                .oauth2(outsider)
                .contentType(ContentType.JSON)
                .body(body("Titip"))
                .post(url(region))
                .then()
                .statusCode(404);
        given().auth().oauth2(outsider).get(url(region)).then().statusCode(404).contentType("application/problem+json");
        // The same id through the outsider's own region is 404 too.
        given().auth().oauth2(outsider).get(url(other) + "/" + id).then().statusCode(404);
        given().auth()
                .oauth2(TestData.adminToken())
                .get(path)
                .then()
                .statusCode(200)
                .body("name", equalTo("Rahasia"));
    }

    @Test
    void viewersCannotWrite() {
        String region = TestData.createRegion("Kabupaten Lihat");
        given().auth()
                .oauth2(Tokens.of(Roles.VIEWER, region))
                .contentType(ContentType.JSON)
                .body(body("Tidak Boleh"))
                .post(url(region))
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    private static Response patchAsAdmin(String region, String id, Map<String, Object> patch) {
        return given().auth()
                .oauth2(TestData.adminToken())
                .contentType("application/merge-patch+json")
                .body(patch)
                .patch(url(region) + "/" + id);
    }

    private static io.restassured.response.ValidatableResponse list(String region, Map<String, String> query) {
        return given().auth()
                .oauth2(TestData.adminToken())
                .queryParams(query)
                .get(url(region))
                .then()
                .statusCode(200);
    }

    private static String csv(String region, String token) {
        String body = given().auth()
                .oauth2(token)
                .accept("text/csv")
                .get(url(region))
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        assertEquals(2, body.split("\r\n").length, body);
        return body;
    }
}
