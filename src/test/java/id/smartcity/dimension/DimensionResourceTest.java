package id.smartcity.dimension;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import id.smartcity.platform.security.Roles;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DimensionResourceTest {

    @Test
    void listsTheSixDimensionsInTheMovementsOrderWithTheirElements() {
        given().auth()
                .oauth2(Tokens.of(Roles.VIEWER, "33.03"))
                .get("/api/v1/dimensions")
                .then()
                .statusCode(200)
                .body("total", equalTo(6))
                .body("offset", equalTo(0))
                .body("limit", equalTo(20))
                .body("items.code", contains("GOVERNANCE", "BRANDING", "ECONOMY", "LIVING", "SOCIETY", "ENVIRONMENT"))
                .body("items[0].name.id", equalTo("Smart Governance"))
                .body("items[0].elements.code", contains("PUBLIC_SERVICES", "PUBLIC_POLICY", "BUREAUCRATIC_GOVERNANCE"))
                .body("items[0].elements[0].name.id", equalTo("Pelayanan Publik"))
                .body("items[0].elements[0].name.en", equalTo("Public services"))
                .body("items.elements.flatten()", hasSize(18));
    }

    @Test
    void sortsAndPagesLikeEveryOtherList() {
        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .queryParam("sort", "-code")
                .queryParam("limit", 2)
                .queryParam("offset", 1)
                .get("/api/v1/dimensions")
                .then()
                .statusCode(200)
                .body("total", equalTo(6))
                .body("items.code", contains("LIVING", "GOVERNANCE"));
    }

    @Test
    void getsOneDimensionInBothLanguages() {
        given().auth()
                .oauth2(Tokens.of(Roles.CONTRIBUTOR, "33.03"))
                .get("/api/v1/dimensions/ENVIRONMENT")
                .then()
                .statusCode(200)
                .body("code", equalTo("ENVIRONMENT"))
                .body("position", equalTo(6))
                .body("name.en", equalTo("Smart Environment"))
                .body("elements.name.en", contains("Environmental protection", "Waste management", "Energy"));
    }

    @Test
    void unknownDimensionIsAProblem404() {
        given().auth()
                .oauth2(Tokens.of(Roles.VIEWER, "33.03"))
                .get("/api/v1/dimensions/HAPPINESS")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smartcity:problem:not-found"))
                .body("detail", equalTo("Dimension HAPPINESS not found"));
    }

    @Test
    void dimensionsNeedAToken() {
        given().get("/api/v1/dimensions")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"smartcity\""));
    }

    @Test
    void enumMatchesTheSeededReferenceData() {
        given().auth()
                .oauth2(Tokens.of(Roles.VIEWER, "33.03"))
                .get("/api/v1/dimensions")
                .then()
                .body(
                        "items.code",
                        contains(java.util.Arrays.stream(DimensionCode.values())
                                .map(Enum::name)
                                .toArray()));
    }
}
