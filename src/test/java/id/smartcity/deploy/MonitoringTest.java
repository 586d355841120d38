package id.smartcity.deploy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import id.smartcity.testsupport.Metrics;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana board and the alerts of {@code deploy/monitoring} name only metrics (and labels) that
 * the API exports: every selector {@code name{label=…}} in their expressions is checked against
 * {@code /q/metrics}. Two names are other programs' and said so: {@code up} (Prometheus) and
 * {@code kube_pod_container_status_ready} (kube-state-metrics); {@code job}, {@code pod} and
 * {@code container} are labels Prometheus adds when it scrapes.
 */
@QuarkusTest
class MonitoringTest {

    private static final Path MONITORING = Path.of("deploy", "monitoring");
    private static final Set<String> OTHERS = Set.of("up", "kube_pod_container_status_ready");
    private static final Set<String> SCRAPE_LABELS = Set.of("job", "pod", "container", "instance");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");

    /** Metric name to the label names its samples carry, from the Prometheus text. */
    private static Map<String, Set<String>> exported() {
        String admin = TestData.adminToken();
        given().auth().oauth2(admin).get("/api/v1/regions").then().statusCode(200);
        given().auth()
                .oauth2(Tokens.of("auditor"))
                .get("/api/v1/audit-events/verify")
                .then()
                .statusCode(200);
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Set<String>> metrics = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            String name = line.substring(0, brace >= 0 && brace < space ? brace : space);
            Set<String> labels = metrics.computeIfAbsent(name, n -> new HashSet<>());
            if (brace >= 0 && brace < space) {
                Matcher m = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"").matcher(line.substring(brace));
                while (m.find()) {
                    labels.add(m.group(1));
                }
            }
        }
        return metrics;
    }

    private static List<String> expressions() throws IOException {
        List<String> exprs = new ArrayList<>();
        JsonNode board = new ObjectMapper()
                .readTree(MONITORING.resolve("grafana-dashboard.json").toFile());
        for (JsonNode panel : board.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                exprs.add(target.path("expr").asText());
            }
        }
        JsonNode rules = new YAMLMapper()
                .readTree(MONITORING.resolve("prometheus-rules.yaml").toFile());
        assertEquals("PrometheusRule", rules.path("kind").asText());
        for (JsonNode group : rules.path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                assertTrue(rule.hasNonNull("alert"), "an alert: " + rule);
                exprs.add(rule.path("expr").asText());
            }
        }
        return exprs;
    }

    @Test
    void everyMetricAndLabelTheBoardAndTheAlertsNameIsExported() throws IOException {
        Map<String, Set<String>> exported = exported();
        List<String> exprs = expressions();
        assertTrue(exprs.size() >= 14, "the board's panels and the alerts: " + exprs.size());
        Set<String> missing = new TreeSet<>();
        Set<String> named = new TreeSet<>();
        for (String expr : exprs) {
            Matcher selector = SELECTOR.matcher(expr);
            boolean any = false;
            while (selector.find()) {
                any = true;
                String name = selector.group(1);
                named.add(name);
                if (OTHERS.contains(name)) {
                    continue;
                }
                Set<String> labels = exported.get(name);
                if (labels == null) {
                    missing.add(name);
                    continue;
                }
                Matcher label = LABEL.matcher(selector.group(2));
                while (label.find()) {
                    if (!SCRAPE_LABELS.contains(label.group(1)) && !labels.contains(label.group(1))) {
                        missing.add(name + "{" + label.group(1) + "}");
                    }
                }
            }
            assertTrue(any, "every expression selects by job, so that it names its metrics: " + expr);
        }
        assertEquals(Set.of(), missing, "named but not exported; named: " + named);
        // What the issue asks the board to show, by the metrics that show it.
        for (String needed : List.of(
                "http_server_requests_seconds_count",
                "http_server_requests_seconds_bucket",
                "agroal_active_count",
                "smartcity_audit_appends_total",
                "smartcity_rate_limit_refusals_total",
                "smartcity_dashboard_cache_total",
                "smartcity_audit_chain_intact")) {
            assertTrue(named.contains(needed), needed + " is on the board or in an alert");
        }
    }

    @Test
    void aCommittedChangeCountsItsAuditAppendAndAVerificationSetsTheChainGauge() {
        double before = sample("smartcity_audit_appends_total");
        TestData.createRegion("Kabupaten Metrik " + System.nanoTime());
        double after = sample("smartcity_audit_appends_total");
        assertTrue(after >= before + 1, "appends " + before + " -> " + after);
        given().auth()
                .oauth2(Tokens.of("auditor"))
                .get("/api/v1/audit-events/verify")
                .then()
                .statusCode(200);
        assertEquals(1.0, sample("smartcity_audit_chain_intact"));
    }

    private static double sample(String name) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Metrics.value(line);
                found = true;
            }
        }
        assertTrue(found, name + " in /q/metrics");
        return sum;
    }
}
