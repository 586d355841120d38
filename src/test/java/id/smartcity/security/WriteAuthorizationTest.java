package id.smartcity.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.smartcity.platform.security.Roles;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every write operation of the contract × every role, from one table: a role not in the table's
 * row is 403; a role in it is never 403 (it may be 404 or 400 here, since the ids are made up).
 * A write operation missing from the table fails the test, so a new endpoint cannot slip through.
 * Service-level rules on top of the roles (archiving, approval, four eyes) have their own tests.
 */
@QuarkusTest
class WriteAuthorizationTest {

    private static final Set<String> WRITERS = Set.of(Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR);
    private static final Set<String> ADMIN = Set.of(Roles.ADMIN);
    private static final Set<String> LEADS = Set.of(Roles.ADMIN, Roles.COORDINATOR);

    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("createRegion", ADMIN),
            Map.entry("updateRegion", ADMIN),
            Map.entry("createStakeholder", WRITERS),
            Map.entry("replaceStakeholder", WRITERS),
            Map.entry("updateStakeholder", WRITERS),
            Map.entry("deleteStakeholder", LEADS),
            Map.entry("createFgdSession", WRITERS),
            Map.entry("replaceFgdSession", WRITERS),
            Map.entry("updateFgdSession", WRITERS),
            Map.entry("transitionFgdSession", LEADS),
            Map.entry("inviteFgdParticipants", WRITERS),
            Map.entry("updateFgdAttendance", WRITERS),
            Map.entry("removeFgdParticipant", WRITERS),
            Map.entry("putFgdMinutes", WRITERS),
            Map.entry("createFrameworkVersion", ADMIN),
            Map.entry("replaceFrameworkVersion", ADMIN),
            Map.entry("createReadinessAssessment", WRITERS),
            Map.entry("putReadinessScore", WRITERS),
            Map.entry("putReadinessScores", WRITERS),
            // People: admins only; a service account (of any role) manages its own (WebhookSubscriptionResourceTest).
            Map.entry("createWebhookSubscription", ADMIN),
            Map.entry("updateWebhookSubscription", ADMIN),
            Map.entry("deleteWebhookSubscription", ADMIN),
            Map.entry("pingWebhookSubscription", ADMIN),
            Map.entry("rotateWebhookSecret", ADMIN),
            Map.entry("deleteReadinessScore", WRITERS),
            Map.entry("transitionReadinessAssessment", Set.of(Roles.ADMIN, Roles.COORDINATOR, Roles.AUDITOR)),
            Map.entry("createQuickWin", WRITERS),
            Map.entry("updateQuickWin", WRITERS),
            Map.entry("transitionQuickWin", LEADS),
            Map.entry("createMilestone", WRITERS),
            Map.entry("updateMilestone", WRITERS),
            Map.entry("deleteMilestone", WRITERS),
            Map.entry("createProgressReport", WRITERS),
            Map.entry("createKpi", WRITERS),
            Map.entry("updateKpi", WRITERS),
            Map.entry("createBimtekStage", LEADS),
            Map.entry("updateBimtekStage", LEADS),
            Map.entry("transitionBimtekStage", LEADS),
            Map.entry("deleteBimtekStage", LEADS),
            Map.entry("createMasterplan", WRITERS),
            Map.entry("updateMasterplan", WRITERS),
            Map.entry("deleteMasterplan", LEADS),
            Map.entry("transitionMasterplan", LEADS),
            Map.entry("createProgram", WRITERS),
            Map.entry("updateProgram", WRITERS),
            Map.entry("deleteProgram", WRITERS),
            Map.entry("uploadDocument", WRITERS),
            Map.entry("archiveDocument", LEADS),
            Map.entry("removeDocumentContent", ADMIN));

    private static final List<String> ROLES =
            List.of(Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR, Roles.VIEWER, Roles.AUDITOR);

    @Test
    void everyWriteOperationTimesEveryRoleIsAllowedOrForbiddenAsTheTableSays() {
        String region = TestData.createRegion("Kabupaten Hak Akses");
        JsonPath doc = given().accept("application/json")
                .get("/q/openapi")
                .then()
                .extract()
                .jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        Set<String> seen = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                String method = op.getKey();
                if (!List.of("post", "put", "patch", "delete").contains(method)) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> operation = (Map<String, Object>) op.getValue();
                String operationId = (String) operation.get("operationId");
                seen.add(operationId);
                Set<String> allowed = ALLOWED.get(operationId);
                if (allowed == null) {
                    wrong.add(operationId + ": not in the table of this test");
                    continue;
                }
                String url = path.getKey()
                        .replace("{regionCode}", region)
                        .replace("{code}", "READINESS")
                        .replace("{version}", "1")
                        .replace("{indicatorCode}", "SDM")
                        .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                String contentType = contentType(operation);
                for (String role : ROLES) {
                    Response r = given().auth()
                            .oauth2(Tokens.user(role + "-acl")
                                    .roles(role)
                                    .regions(region)
                                    .sign())
                            .contentType(contentType)
                            .body("{}")
                            .request(method.toUpperCase(), url);
                    int status = r.statusCode();
                    boolean ok = allowed.contains(role)
                            ? status != 403 && status != 401 && status < 500
                            : status == 403
                                    && "urn:smartcity:problem:forbidden"
                                            .equals(r.jsonPath().getString("type"));
                    if (!ok) {
                        wrong.add(operationId + " as " + role + ": " + status);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(new TreeSet<>(ALLOWED.keySet()), seen, "the table names operations the contract does not have");
        assertTrue(seen.size() >= 29);
    }

    /** The first media type the contract declares for the operation's body. */
    @SuppressWarnings("unchecked")
    private static String contentType(Map<String, Object> operation) {
        Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
        if (body == null) {
            return "application/json";
        }
        String first =
                ((Map<String, Object>) body.get("content")).keySet().iterator().next();
        // A multipart body cannot be the test's "{}": an upload gets the raw form instead.
        return first.startsWith("multipart/") ? "text/csv" : first;
    }
}
