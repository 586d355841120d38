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
                .mapToDouble(Metrics::value)
                .sum();
    }

    /**
     * The sample's value: the last field once an exemplar is cut off. While traces are on (the test
     * profile), Micrometer may add one to a counter's line, {@code name{…} 3.0 # {span_id=…,trace_id=…} 1.0
     * 1796223171.943}, and its timestamp would otherwise be read as the value.
     */
    public static double value(String line) {
        int exemplar = line.indexOf(" # ");
        String sample = exemplar < 0 ? line : line.substring(0, exemplar);
        return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
    }
}
