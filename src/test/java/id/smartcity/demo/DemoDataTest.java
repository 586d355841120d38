package id.smartcity.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertFalse;

import id.smartcity.platform.security.Roles;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demo;

    @BeforeEach
    void loadOnce() {
        demo.load();
    }

    @Test
    void loadingTwiceChangesNothing() {
        assertFalse(demo.load());
    }

    @Test
    void purbalinggasStageTwoIsListedWithItsSixSessionsAndAttendanceTotals() {
        given().auth()
                .oauth2(Tokens.of(Roles.VIEWER, "33.03"))
                .queryParam("cohortYear", "2024")
                .get("/api/v1/regions/33.03/bimtek-stages")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].stageNumber", equalTo(2))
                .body("items[0].status", equalTo("HELD"))
                .body("items[0].venue", equalTo("Gedung Ardilawet, Kompleks Setda Purbalingga"))
                .body("items[0].days.date", contains("2024-07-11", "2024-07-12"))
                .body("items[0].sessions.size()", equalTo(6))
                .body("items[0].sessions.status", everyItem(equalTo("HELD")))
                .body("items[0].attendance.sessionsHeld", equalTo(6))
                .body("items[0].attendance.invited", greaterThan(0))
                .body("items[0].attendance.attended", greaterThan(0))
                .body("items[0].expectedOutputs.description", hasItem("Rencana program quick win"));
    }

    @Test
    void purbalinggaHasItsStakeholdersPerDimensionWithOneLeadEach() {
        String viewer = Tokens.of(Roles.VIEWER, "33.03");
        given().auth()
                .oauth2(viewer)
                .get("/api/v1/regions/33.03")
                .then()
                .statusCode(200)
                .body("name", equalTo("Kabupaten Purbalingga"))
                .body("cohortYear", equalTo(2024))
                .body("dimensionCoordinators[0].agency", equalTo("Dinas Komunikasi dan Informatika"));
        given().auth()
                .oauth2(viewer)
                .queryParam("dimension", "GOVERNANCE")
                .get("/api/v1/regions/33.03/stakeholders")
                .then()
                .statusCode(200)
                .body("total", equalTo(5))
                .body(
                        "items.name",
                        hasItems(
                                "Dinas Komunikasi dan Informatika",
                                "Relawan TIK Purbalingga",
                                "Universitas Perwira Purbalingga"))
                .body("items.kind", hasItems("GOVERNMENT_AGENCY", "ACADEMIA", "ICT_COMMUNITY"));
        for (String dimension :
                new String[] {"GOVERNANCE", "BRANDING", "ECONOMY", "LIVING", "SOCIETY", "ENVIRONMENT"}) {
            given().auth()
                    .oauth2(viewer)
                    .queryParam("dimension", dimension)
                    .get("/api/v1/regions/33.03/stakeholders")
                    .then()
                    .body(
                            "items.memberships.flatten().findAll { it.dimension == '" + dimension
                                    + "' && it.role == 'LEAD' }.size()",
                            equalTo(1));
        }
    }

    @Test
    void theSixStageTwoSessionsOf11July2024WereHeldWithAttendanceAndMinutes() {
        String viewer = Tokens.of(Roles.VIEWER, "33.03");
        given().auth()
                .oauth2(viewer)
                .queryParam("from", "2024-07-11T00:00:00+07:00")
                .queryParam("to", "2024-07-12T00:00:00+07:00")
                .queryParam("sort", "dimension")
                .get("/api/v1/regions/33.03/fgd-sessions")
                .then()
                .statusCode(200)
                .body("total", equalTo(6))
                .body("items.status", everyItem(equalTo("HELD")))
                .body("items.bimtekStage", everyItem(equalTo(2)))
                .body("items.venue", everyItem(containsString("Ardilawet")))
                .body("items.hasMinutes", everyItem(equalTo(true)));
        String governance = given().auth()
                .oauth2(viewer)
                .queryParam("dimension", "GOVERNANCE")
                .get("/api/v1/regions/33.03/fgd-sessions")
                .then()
                .extract()
                .path("items[0].id");
        given().auth()
                .oauth2(viewer)
                .get("/api/v1/regions/33.03/fgd-sessions/" + governance + "/participants")
                .then()
                .body("total", greaterThan(2))
                .body("items.attendance", hasItem("ATTENDED"));
        given().auth()
                .oauth2(viewer)
                .get("/api/v1/regions/33.03/fgd-sessions/" + governance + "/minutes")
                .then()
                .statusCode(200)
                .body("decisions[0].text", containsString("Quick win"));
    }

    @Test
    void purbalinggaHasAVerified2024AssessmentAndA2025Draft() {
        String viewer = Tokens.of(Roles.VIEWER, "33.03");
        given().auth()
                .oauth2(viewer)
                .queryParam("framework", "READINESS")
                .get("/api/v1/regions/33.03/readiness/trend")
                .then()
                .statusCode(200)
                .body("items.period", contains("2024"))
                // (2.8 + 3.0 + 2.6 + 3.4 + 3.6 + 3.1 + 3.3 + 2.9 + 2.5) / 9 = 136/45
                .body("items[0].index.exact", equalTo("3.02222222222222222222"))
                .body("items[0].band.id", equalTo("Baik"));
        given().auth()
                .oauth2(viewer)
                .queryParam("status", "DRAFT")
                .get("/api/v1/regions/33.03/readiness-assessments")
                .then()
                .body("items.period", contains("2025"))
                .body("items[0].scored", equalTo(6))
                .body("items[0].total", equalTo(9));
    }

    @Test
    void theDashboardShowsTheLatestVerifiedReadiness() {
        given().auth()
                .oauth2(Tokens.of(Roles.VIEWER, "33.03"))
                .get("/api/v1/regions/33.03/dashboard")
                .then()
                .statusCode(200)
                .body("dimensions.size()", equalTo(6))
                .body("dimensions.fgdSessions.held", everyItem(equalTo(1)))
                .body("readiness.period", equalTo("2024"))
                .body("readiness.index.exact", equalTo("3.02222222222222222222"))
                .body("readiness.band.id", equalTo("Baik"))
                .body("readiness.pillars.code", contains("STRUKTUR", "INFRASTRUKTUR", "SUPRASTRUKTUR"))
                .body("dimensions.quickWinsByStatus.IN_PROGRESS", everyItem(equalTo(1)))
                // GOVERNANCE: milestone weights 1, 3, 2, 1 with the first done -> 1/7 = 14.29 %
                .body("dimensions[0].meanProgress.value", equalTo("14.29"))
                // BRANDING: the first two done -> 4/7 = 57.14 %
                .body("dimensions[1].meanProgress.value", equalTo("57.14"))
                .body("dimensions[0].budgetPlanned", equalTo("150000000.00"))
                .body("dimensions[0].budgetRealised", equalTo("45000000.00"));
    }

    @Test
    void banyumasCannotSeePurbalinggaAndTheTrailHasItAll() {
        given().auth()
                .oauth2(Tokens.of(Roles.COORDINATOR, "33.02"))
                .get("/api/v1/regions/33.03/stakeholders")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR, "33.03"))
                .queryParam("regionCode", "33.03")
                .queryParam("entityType", "FGD_SESSION")
                .queryParam("action", "TRANSITION")
                .get("/api/v1/audit-events")
                .then()
                .body("items.size()", equalTo(6))
                .body("items.actor.subject", everyItem(equalTo("system")));
        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .get("/api/v1/audit-events/verify")
                .then()
                .body("valid", equalTo(true));
        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR, "33.03"))
                .queryParam("entityType", "REGION")
                .get("/api/v1/audit-events")
                .then()
                .body("items.entityId", contains("33.03"));
    }
}
