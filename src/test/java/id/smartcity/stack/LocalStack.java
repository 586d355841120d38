package id.smartcity.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The README's run command ({@code ./run.sh}): PostgreSQL (the configured one, else an embedded one
 * with its data in {@code .local/postgres}), Keycloak with the {@code smartcity} realm on 8180 (its
 * data in {@code .local/keycloak}), and the packaged API with the Purbalingga demo on 8080. Prints
 * the URLs, the demo users and a curl to try; Ctrl-C stops what it started and nothing else.
 */
public final class LocalStack {

    private static volatile boolean stopping;

    private LocalStack() {}

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("smartcity.project", "."))
                .toAbsolutePath()
                .normalize();
        Path local = project.resolve(".local");
        int apiPort = Integer.parseInt(env("PORT", "8080"));
        int keycloakPort = Integer.parseInt(env("KEYCLOAK_PORT", "8180"));
        String cors = env("CORS_ORIGINS", "http://localhost:5173,http://localhost:3000,http://localhost:8090");

        say("Smart City Planning API: local stack (data in " + local + ")");
        StackDatabase database = StackDatabase.open(
                env("DB_URL", "jdbc:postgresql://127.0.0.1:5432/smartcity"),
                env("DB_USER", "postgres"),
                env("DB_PASSWORD", ""),
                local.resolve("postgres"),
                false,
                LocalStack::say);
        say("Database: " + database.description());
        SmartCityStack stack = new SmartCityStack(project, local.resolve("logs"), LocalStack::say);
        Thread stopper = new Thread(
                () -> {
                    stopping = true;
                    stack.close();
                    database.close();
                    say("Stopped.");
                },
                "stop-local-stack");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            stack.startKeycloak(keycloakPort, local.resolve("keycloak"), false, Duration.ofMinutes(10));
            ManagedProcess api = stack.startApi(apiPort, database, Map.of("CORS_ORIGINS", cors), Duration.ofMinutes(2));
            printWelcome(stack, cors);
            while (api.isAlive() || stopping) {
                Thread.sleep(1000);
            }
            say("The API stopped; end of " + api.log() + ":\n" + api.tail(20));
            System.exit(1);
        } catch (IllegalStateException e) {
            say("Could not start: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void printWelcome(SmartCityStack stack, String cors) {
        String api = stack.apiUrl();
        String token = stack.tokenEndpoint();
        say("");
        say("Ready.");
        say("  API        " + api + "/api/v1   (contract " + api + "/q/openapi, health " + api + "/q/health/ready)");
        say("  Swagger UI " + api + "/q/swagger-ui   (Authorize: oidc, log in as a demo user)");
        say("  Keycloak   " + stack.keycloakUrl() + "   realm " + SmartCityStack.REALM + ", admin console "
                + stack.keycloakUrl() + "/admin (" + SmartCityStack.KEYCLOAK_ADMIN + " / "
                + SmartCityStack.KEYCLOAK_ADMIN_PASSWORD + ")");
        say("  CORS       " + cors);
        say("");
        say("Demo users, password \"demo\" for all (demo only, never in production):");
        say("  admin                 admin, everything in every region");
        say("  coordinator           coordinator of 33.03 Kabupaten Purbalingga");
        say("  contributor           contributor of 33.03");
        say("  viewer                viewer of 33.03 (no personal data)");
        say("  auditor               auditor of all regions (no region claim): audit trail, verification");
        say("  banyumas-coordinator  coordinator of 33.02 Kabupaten Banyumas (sees nothing of Purbalingga)");
        say("  service account       client sipd-integration, secret demo-only-sipd-secret: viewer of 33.03");
        say("Clients: smartcity-dashboard (SPA, code + PKCE), smartcity-cli (password grant, local demo only).");
        say("");
        say("Try:");
        say("  TOKEN=$(curl -s -d grant_type=password -d client_id=smartcity-cli -d username=coordinator"
                + " -d password=demo " + token + " | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')");
        say("  curl -s -H \"Authorization: Bearer $TOKEN\" " + api + "/api/v1/regions/33.03/dashboard");
        say("");
        say("Ctrl-C stops everything this command started.");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
