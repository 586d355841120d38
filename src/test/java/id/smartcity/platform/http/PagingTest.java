package id.smartcity.platform.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import id.smartcity.testsupport.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PagingTest {

    @Test
    void limitAbove100IsRejectedNotCut() {
        given().auth()
                .oauth2(TestData.adminToken())
                .get("/api/v1/regions?limit=1000")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"))
                .body("errors[0].message", equalTo("must be between 1 and 100"))
                .body("detail", equalTo("limit must be between 1 and 100"));
    }

    @Test
    void nonNumericLimitIs400NotA404() {
        given().auth()
                .oauth2(TestData.adminToken())
                .get("/api/v1/regions?limit=ten")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"))
                .body("errors[0].message", equalTo("must be an integer"));
    }

    @Test
    void sortOutsideTheAllowListNamesTheAllowedFields() {
        given().auth()
                .oauth2(TestData.adminToken())
                .get("/api/v1/regions?sort=name,-password")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sort"))
                .body(
                        "errors[0].message",
                        equalTo("cannot sort on 'password'; allowed: code, cohortYear, name, province"));
    }

    @Test
    void pagesWalkTheWholeResultInOrderWithoutOverlap() {
        String prefix = "Kabupaten Halaman " + System.nanoTime();
        List<String> codes = List.of(
                TestData.createRegion(prefix + " 1"),
                TestData.createRegion(prefix + " 2"),
                TestData.createRegion(prefix + " 3"));
        given().auth()
                .oauth2(TestData.adminToken())
                .queryParam("q", prefix)
                .queryParam("limit", 2)
                .get("/api/v1/regions")
                .then()
                .statusCode(200)
                .body("offset", equalTo(0))
                .body("limit", equalTo(2))
                .body("total", equalTo(3))
                .body("items.code", contains(codes.get(0), codes.get(1)));
        given().auth()
                .oauth2(TestData.adminToken())
                .queryParam("q", prefix)
                .queryParam("limit", 2)
                .queryParam("offset", 2)
                .get("/api/v1/regions")
                .then()
                .body("offset", equalTo(2))
                .body("total", equalTo(3))
                .body("items.code", contains(codes.get(2)));
        given().auth()
                .oauth2(TestData.adminToken())
                .queryParam("q", prefix)
                .queryParam("offset", 50)
                .get("/api/v1/regions")
                .then()
                .body("total", equalTo(3))
                .body("items", empty());
    }

    @Test
    void descendingSort() {
        String prefix = "Kabupaten Turun " + System.nanoTime();
        String a = TestData.createRegion(prefix + " A");
        String b = TestData.createRegion(prefix + " B");
        given().auth()
                .oauth2(TestData.adminToken())
                .queryParam("q", prefix)
                .queryParam("sort", "-name")
                .get("/api/v1/regions")
                .then()
                .body("items.code", contains(b, a));
    }
}
