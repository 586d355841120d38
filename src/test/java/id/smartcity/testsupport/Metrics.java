package id.smartcity.testsupport;

import static io.restassured.RestAssured.given;

/** Reads the application's counters from {@code /q/metrics} (Prometheus text). */
public final class Metrics {

    private Metrics() {}

    /** The value of counter {@code name} (e.g. {@code smartcity_dashboard_cache_total}) with {@code result}. */
    public static double count(String name, String result) {
        return given().get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .filter(l -> l.startsWith(name + "{") && l.contains("result=\"" + result + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
