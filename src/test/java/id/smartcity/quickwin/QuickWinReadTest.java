package id.smartcity.quickwin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.smartcity.quickwin.api.QuickWinResponse;
import id.smartcity.testsupport.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /quick-wins/{id}} reads in one JDBC statement (issue #24); the representation it
 * answers is the one the entity, its partners and its derived numbers give through the session,
 * field for field — with partners, a lead, dates, a status change, progress and realised budget,
 * and with none of them.
 */
@QuarkusTest
class QuickWinReadTest {

    @Inject
    QuickWinRepository quickWins;

    @Inject
    QuickWinMapper mapper;

    @Inject
    ObjectMapper json;

    @Test
    void theOneStatementReadGivesWhatTheEntityGives() throws Exception {
        String region = TestData.createRegion("Kabupaten Baca Sekali");
        Map<String, Object> full = QuickWinResourceTest.body("Satu data desa", "GOVERNANCE", "1250000.50");
        full.put("description", "Portal data desa terpadu");
        full.put("leadStakeholderId", TestData.createStakeholder(region, "Dinas Kominfo"));
        // Several partners, so that their order is the representation's, not the database's.
        List<String> partners = List.of(
                TestData.createStakeholder(region, "Bappeda"),
                TestData.createStakeholder(region, "Dinas PMD"),
                TestData.createStakeholder(region, "Diskominfo"));
        full.put("partnerStakeholderIds", partners);
        full.put("startDate", "2025-01-06");
        full.put("endDate", "2025-12-19");
        String rich = QuickWinResourceTest.create(region, full);
        QuickWinResourceTest.move(region, rich, "APPROVED", null, TestData.adminToken())
                .statusCode(200);
        QuickWinResourceTest.milestone(region, rich, "40", "2025-03-01", true);
        QuickWinResourceTest.milestone(region, rich, "60", "2025-09-01", false);
        QuickWinResourceTest.report(region, rich, "2025-03-05", 35, "420000.25");
        Map<String, Object> bareBody = QuickWinResourceTest.body("Tanpa apa-apa", "LIVING", "0");
        String bare = QuickWinResourceTest.create(region, bareBody);

        for (String id : List.of(rich, bare)) {
            UUID uuid = UUID.fromString(id);
            QuickWinResponse viaSession = QuarkusTransaction.requiringNew()
                    .call(() -> mapper.toResponse(quickWins.findById(uuid), quickWins.derived(uuid)));
            String body = given().auth()
                    .oauth2(TestData.adminToken())
                    .get(QuickWinResourceTest.base(region) + "/" + id)
                    .then()
                    .statusCode(200)
                    .header("ETag", "\"" + viaSession.version() + "\"")
                    .extract()
                    .asString();
            JsonNode read = readTree(body);
            // Both parsed from JSON text, so that numbers compare by value (valueToTree keeps a long a long).
            assertEquals(readTree(json.writeValueAsString(viaSession)), read, "quick win " + id);
        }
        JsonNode read = readTree(given().auth()
                .oauth2(TestData.adminToken())
                .get(QuickWinResourceTest.base(region) + "/" + rich)
                .asString());
        assertEquals(3, read.path("partnerStakeholderIds").size());
        assertNotEquals("NONE", read.path("progress").path("source").asText(), "the milestones' progress is read");
        assertTrue(read.hasNonNull("statusChangedAt"), "the approval's time is read");
        assertEquals("420000.25", read.path("budgetRealised").asText());
    }

    private JsonNode readTree(String body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(body, e);
        }
    }
}
