package id.smartcity.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.smartcity.demo.DemoData;
import id.smartcity.platform.security.Roles;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Broken object level authorization, driven by the contract: every operation under
 * {@code /regions/{regionCode}} is called with Purbalingga's real ids (the demo data) by a
 * coordinator of Banyumas. Operations on an object answer 404 — the same as for an id that does not
 * exist — with a valid body, so that the request reaches the lookup; lists answer empty.
 */
@QuarkusTest
class RegionIsolationTest {

    private static final String PURBALINGGA = "33.03";

    /** A valid body per writing operation, so that only the region can stop it. */
    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("createStakeholder", "{\"name\":\"Penyusup\",\"kind\":\"COMMUNITY\"}"),
            Map.entry("replaceStakeholder", "{\"name\":\"Penyusup\",\"kind\":\"COMMUNITY\"}"),
            Map.entry("createFgdSession", session()),
            Map.entry("replaceFgdSession", session()),
            Map.entry("transitionFgdSession", "{\"to\":\"CANCELLED\",\"reason\":\"x\"}"),
            Map.entry(
                    "createBimtekStage",
                    "{\"cohortYear\":2030,\"stageNumber\":1,\"title\":\"x\",\"days\":[{\"day\":1,\"date\":\"2030-01-02\"}]}"),
            Map.entry("updateBimtekStage", "{\"venue\":\"Diambil\"}"),
            Map.entry("transitionBimtekStage", "{\"to\":\"CANCELLED\",\"reason\":\"x\"}"),
            Map.entry(
                    "inviteFgdParticipants",
                    "{\"stakeholderIds\":[\"" + id("demo-stakeholder-Dinas Kesehatan") + "\"]}"),
            Map.entry(
                    "updateFgdAttendance",
                    "{\"updates\":[{\"stakeholderId\":\"" + id("demo-stakeholder-Dinas Kesehatan")
                            + "\",\"attendance\":\"ABSENT\"}]}"),
            Map.entry("putFgdMinutes", "{\"summary\":\"Diubah\"}"),
            Map.entry(
                    "createReadinessAssessment",
                    "{\"frameworkCode\":\"READINESS\",\"frameworkVersion\":1,\"period\":\"2030\"}"),
            Map.entry("putReadinessScore", "{\"score\":1.0}"),
            Map.entry("transitionReadinessAssessment", "{\"to\":\"SUBMITTED\"}"),
            Map.entry(
                    "createQuickWin",
                    "{\"title\":\"x\",\"dimension\":\"LIVING\",\"plannedBudget\":\"1\",\"fundingSource\":\"APBD\",\"targetYear\":2025}"),
            Map.entry("transitionQuickWin", "{\"to\":\"CANCELLED\",\"reason\":\"x\"}"),
            Map.entry("createMilestone", "{\"title\":\"x\",\"weight\":1,\"dueDate\":\"2025-01-01\"}"),
            Map.entry("createProgressReport", "{\"reportDate\":\"2025-01-01\",\"percent\":1}"),
            Map.entry(
                    "createKpi",
                    "{\"name\":\"x\",\"unit\":\"x\",\"baseline\":0,\"target\":1,\"direction\":\"HIGHER_IS_BETTER\"}"));

    @Inject
    DemoData demo;

    @Test
    void anotherRegionsCoordinatorReachesNothingOfPurbalingga() {
        demo.load();
        String outsider = Tokens.user("banyumas.koordinator")
                .roles(Roles.COORDINATOR)
                .regions("33.02")
                .sign();
        JsonPath doc = given().accept("application/json")
                .get("/q/openapi")
                .then()
                .extract()
                .jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<String> leaks = new ArrayList<>();
        int checked = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1/regions/{regionCode}")) {
                continue;
            }
            String url = url(path.getKey());
            boolean collection = !path.getKey().replace("{regionCode}", "").contains("{");
            for (var entry : path.getValue().entrySet()) {
                if (!List.of("get", "post", "put", "patch", "delete").contains(entry.getKey())) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> op = (Map<String, Object>) entry.getValue();
                String method = entry.getKey().toUpperCase();
                String operationId = (String) op.get("operationId");
                if (operationId.equals("updateRegion") || operationId.equals("removeDocumentContent")) {
                    continue; // admin only: a coordinator is refused by role, as WriteAuthorizationTest checks
                }
                var request = given().auth().oauth2(outsider);
                if (op.containsKey("requestBody")) {
                    request.contentType(contentType(op)).body(BODIES.getOrDefault(operationId, "{}"));
                }
                Response r = request.request(method, url);
                checked++;
                int status = r.statusCode();
                boolean isolated;
                if (method.equals("GET") && collection && status == 200) {
                    String total = r.jsonPath().getString("total");
                    List<Object> items = r.jsonPath().getList("items");
                    isolated = total != null ? total.equals("0") : items != null && items.isEmpty();
                } else {
                    // An object of another region is "not found", never 403 or a success.
                    isolated = status == 404;
                }
                if (!isolated) {
                    leaks.add(method + " " + url + " (" + operationId + "): " + status + " " + r.asString());
                }
            }
        }
        assertEquals(List.of(), leaks);
        assertTrue(checked >= 30, "checked " + checked + " operations");
    }

    private static String url(String template) {
        String url = template.replace("{regionCode}", PURBALINGGA);
        if (url.contains("/stakeholders/{id}")) {
            url = url.replace("{id}", id("demo-stakeholder-Dinas Komunikasi dan Informatika"));
        }
        if (url.contains("/fgd-sessions/{id}")) {
            url = url.replace("{id}", id("demo-fgd-GOVERNANCE"));
        }
        if (url.contains("/readiness-assessments/{id}")) {
            url = url.replace("{id}", id("demo-readiness-2025"));
        }
        if (url.contains("/bimtek-stages/{id}")) {
            url = url.replace("{id}", id("demo-bimtek-2024-2"));
        }
        if (url.contains("/quick-wins/{id}")) {
            url = url.replace("{id}", id("demo-quick-win-GOVERNANCE"));
        }
        if (url.contains("/documents/{id}")) {
            url = url.replace("{id}", id("demo-document-minutes-GOVERNANCE"));
        }
        if (url.contains("/masterplans/{id}")) {
            url = url.replace("{id}", id("demo-masterplan-1"))
                    .replace("{otherId}", id("demo-masterplan-2"))
                    .replace("{programId}", id("demo-masterplan-program-GOVERNANCE"));
        }
        return url.replace("{stakeholderId}", id("demo-stakeholder-Dinas Komunikasi dan Informatika"))
                .replace("{milestoneId}", id("demo-milestone-GOVERNANCE0"))
                .replace("{kpiId}", id("demo-kpi-GOVERNANCE"))
                .replace("{indicatorCode}", "SDM")
                .replace("/readiness/trend", "/readiness/trend?framework=READINESS");
    }

    private static String id(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String session() {
        return "{\"title\":\"x\",\"dimension\":\"LIVING\",\"bimtekStage\":2,\"bimtekDay\":1,"
                + "\"scheduledStart\":\"2024-07-11T09:00:00+07:00\",\"scheduledEnd\":\"2024-07-11T11:00:00+07:00\"}";
    }

    @SuppressWarnings("unchecked")
    private static String contentType(Map<String, Object> operation) {
        Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
        String first =
                ((Map<String, Object>) body.get("content")).keySet().iterator().next();
        // A multipart body cannot be the test's "{}": an upload gets the raw form instead.
        return first.startsWith("multipart/") ? "text/csv" : first;
    }
}
