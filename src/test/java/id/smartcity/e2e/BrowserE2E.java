package id.smartcity.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.smartcity.stack.ManagedProcess;
import id.smartcity.stack.SmartCityStack;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard teams' path in a real browser: Debian's headless Chromium, driven by playwright-core
 * ({@code src/test/browser/browser-test.mjs}), opens the test dashboard page on
 * http://localhost:8090, logs in as {@code coordinator} on Keycloak's own login page (authorization
 * code + PKCE S256 done by the page with WebCrypto), comes back, and the page reads Purbalingga's
 * dashboard from the API cross-origin. The script checks that the page shows the API's figures for
 * the same token, takes a screenshot, and checks that the same page served on http://localhost:8091
 * (not on the API's CORS allow-list) cannot read the API. This class serves the page, runs the script
 * with a time limit and checks its findings against the API once more.
 */
@ExtendWith(E2EStack.Resolver.class)
class BrowserE2E {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PURBALINGGA = "33.03";
    private static final int ALLOWED_PORT = 8090;
    private static final int REFUSED_PORT = 8091;
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(3);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    private static E2EStack e2e;
    private static SmartCityStack stack;
    private static PageServer allowed;
    private static PageServer refused;

    @BeforeAll
    static void servePage(E2EStack shared) throws IOException {
        e2e = shared;
        stack = shared.stack();
        assertEquals("http://localhost:" + ALLOWED_PORT, E2EStack.DASHBOARD_ORIGIN);
        String config = JSON.writeValueAsString(Map.of(
                "issuer",
                stack.issuer(),
                "apiUrl",
                stack.apiUrl(),
                "clientId",
                "smartcity-dashboard",
                "regionCode",
                PURBALINGGA));
        Path page = e2e.project().resolve("src/test/browser/page");
        allowed = PageServer.start(ALLOWED_PORT, page, config);
        refused = PageServer.start(REFUSED_PORT, page, config);
    }

    @AfterAll
    static void stopServing() {
        if (allowed != null) {
            allowed.close();
        }
        if (refused != null) {
            refused.close();
        }
    }

    @Test
    void theCoordinatorLogsInThroughKeycloakAndSeesPurbalinggasDashboardWhileAnotherOriginIsRefused() throws Exception {
        Path chromium = Path.of(System.getProperty("smartcity.chromium", "/usr/bin/chromium"));
        assertTrue(
                Files.isExecutable(chromium),
                chromium + " is missing: apt-get install -y chromium (.ci/run installs it when missing)");
        Path scriptDir = e2e.project().resolve("src/test/browser");
        assertTrue(
                Files.isDirectory(scriptDir.resolve("node_modules/playwright-core")),
                "playwright-core is not installed in " + scriptDir + ": the e2e profile runs npm ci there");
        Path out = e2e.work().resolve("browser");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DASHBOARD_URL", "http://localhost:" + ALLOWED_PORT + "/");
        env.put("REFUSED_URL", "http://localhost:" + REFUSED_PORT + "/");
        env.put("API_URL", stack.apiUrl());
        env.put("ISSUER", stack.issuer());
        env.put("DEMO_USERNAME", "coordinator");
        env.put("DEMO_PASSWORD", "demo");
        env.put("REGION_CODE", PURBALINGGA);
        env.put("OUT_DIR", out.toString());
        env.put("CHROMIUM", chromium.toString());
        env.put("TIMEOUT_MS", String.valueOf(SCRIPT_TIMEOUT.minusSeconds(20).toMillis()));

        Path log = e2e.work().resolve("logs/browser-test.log");
        String output;
        try (ManagedProcess script =
                ManagedProcess.start("browser test", List.of("node", "browser-test.mjs"), env, scriptDir, log)) {
            OptionalInt exit = script.waitFor(SCRIPT_TIMEOUT);
            output = Files.readString(log);
            System.out.println(output);
            if (exit.isEmpty()) {
                fail("The browser test did not end within " + SCRIPT_TIMEOUT.toSeconds() + " s; see " + log);
            }
            assertEquals(0, exit.getAsInt(), "The browser test failed; see " + log + " and " + out + ":\n" + output);
        }
        String resultLine = output.lines()
                .filter(l -> l.startsWith("RESULT "))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("No RESULT line in " + log));
        JsonNode seen = JSON.readTree(resultLine.substring("RESULT ".length()));

        // What the page showed is what the API answers the same user (a token of its own here).
        assertEquals("Logged in as coordinator", seen.path("loggedInAs").asText());
        JsonNode dashboard = JSON.readTree(given().auth()
                .oauth2(passwordToken("coordinator"))
                .get(stack.apiUrl() + "/api/v1/regions/" + PURBALINGGA + "/dashboard")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        long stakeholders = 0;
        for (JsonNode d : dashboard.path("dimensions")) {
            JsonNode shown = seen.path("dimensions").path(d.path("dimension").asText());
            assertEquals(
                    d.path("stakeholders").asText(), shown.path("stakeholders").asText(), d + " / " + shown);
            assertEquals(
                    d.path("fgdSessions").path("held").asText(),
                    shown.path("fgdHeld").asText());
            assertEquals(
                    d.path("meanProgress").path("value").asText() + " %",
                    shown.path("meanProgress").asText());
            stakeholders += d.path("stakeholders").asLong();
        }
        assertEquals(6, seen.path("dimensions").size());
        assertEquals(stakeholders, seen.path("totals").path("stakeholders").asLong());
        // Purbalingga's demo: the six sessions of 11 July 2024, one quick win each, all in progress;
        // Smart Governance's quick win: budget 150,000,000.00, milestones 1 of 7 weight done.
        assertEquals(6, seen.path("totals").path("fgdHeld").asInt());
        assertEquals(6, seen.path("totals").path("quickWins").asInt());
        assertEquals(6, seen.path("totals").path("inProgress").asInt());
        assertEquals(
                "150.000.000,00",
                seen.path("dimensions").path("GOVERNANCE").path("budgetPlanned").asText());
        assertEquals(
                "14.29 %",
                seen.path("dimensions").path("GOVERNANCE").path("meanProgress").asText());
        assertEquals("3.02", seen.path("readiness").path("index").asText());
        assertEquals("Baik", seen.path("readiness").path("band").asText());

        // CORS: the browser let the allowed origin read the answer and refused the other one.
        assertEquals(200, seen.path("allowedProbe").path("status").asInt());
        assertEquals(
                "TypeError: Failed to fetch",
                seen.path("refusedProbe").path("error").asText());
        assertTrue(
                seen.path("refusedConsole").asText().contains("from origin 'http://localhost:" + REFUSED_PORT + "'")
                        && seen.path("refusedConsole").asText().contains("blocked by CORS policy"),
                seen.path("refusedConsole").asText());
        assertEquals(
                E2EStack.DASHBOARD_ORIGIN,
                seen.path("preflightAllowed").path("allowOrigin").asText());
        assertTrue(seen.path("preflightRefused").path("allowOrigin").isNull(), seen.toString());

        Path screenshot = Path.of(seen.path("screenshot").asText());
        assertEquals(out.resolve("dashboard.png"), screenshot);
        byte[] png = Files.readAllBytes(screenshot);
        assertArrayEquals(PNG, Arrays.copyOf(png, 4), "a PNG");
        assertTrue(png.length > 20_000, "a rendered page, not a blank one: " + png.length + " bytes");
    }

    private static String passwordToken(String username) {
        return given().contentType(ContentType.URLENC)
                .formParams(Map.of(
                        "grant_type", "password",
                        "client_id", "smartcity-cli",
                        "username", username,
                        "password", "demo"))
                .post(stack.tokenEndpoint())
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}
