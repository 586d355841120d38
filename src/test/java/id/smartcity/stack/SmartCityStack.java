package id.smartcity.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Keycloak (the {@code smartcity} realm from {@code deploy/keycloak}) and the packaged API as child
 * processes: what the README's run command and the end-to-end suite both start. Keycloak comes from
 * the distribution that Maven unpacks into the cache folder ({@code ~/.cache/smartcity} unless
 * {@code SMARTCITY_CACHE} says otherwise); its database (H2 files) lives where the caller says, so
 * the local stack keeps its users and the end-to-end suite starts from the realm file every time.
 */
public final class SmartCityStack implements AutoCloseable {

    public static final String KEYCLOAK_VERSION = "26.7.3";
    public static final String REALM = "smartcity";
    /** Keycloak's bootstrap administrator of the master realm; local and test use only. */
    public static final String KEYCLOAK_ADMIN = "admin";

    public static final String KEYCLOAK_ADMIN_PASSWORD = "admin";

    private final Path project;
    private final Path logs;
    private Path apiLog;
    private final Consumer<String> out;
    private final List<ManagedProcess> started = new ArrayList<>();
    private int keycloakPort;
    private Path keycloakData;
    private ManagedProcess keycloak;
    private int apiPort;

    public SmartCityStack(Path project, Path logs, Consumer<String> out) {
        this.project = project.toAbsolutePath();
        this.logs = logs.toAbsolutePath();
        this.out = out;
    }

    public static Path keycloakHome() {
        String explicit = System.getProperty("smartcity.keycloak.home");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String cache = System.getenv("SMARTCITY_CACHE");
        Path base = cache != null && !cache.isBlank()
                ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache", "smartcity");
        return base.resolve("keycloak-" + KEYCLOAK_VERSION);
    }

    /** Starts Keycloak on {@code port} with its database in {@code dataDir}; {@code fresh} empties it first. */
    public ManagedProcess startKeycloak(int port, Path dataDir, boolean fresh, Duration timeout) {
        Path home = keycloakHome();
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak " + KEYCLOAK_VERSION + " is not unpacked in " + home
                    + ". The run command (./run.sh) and the end-to-end profile (./mvnw verify -Pe2e) fetch it"
                    + " through Maven.");
        }
        try {
            if (fresh) {
                deleteTree(dataDir);
            }
            Files.createDirectories(dataDir);
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(
                    project.resolve("deploy/keycloak/smartcity-realm.json"),
                    imports.resolve("smartcity-realm.json"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Ports.answers("127.0.0.1", port)) {
            throw new IllegalStateException("Port " + port + " is already in use; Keycloak needs it. Stop what runs"
                    + " there (this command never stops a process it did not start).");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", KEYCLOAK_ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", KEYCLOAK_ADMIN_PASSWORD);
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        List<String> command = List.of(
                "bash",
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-port=" + port,
                "--hostname=http://localhost:" + port,
                "--import-realm",
                "--db-url=jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("keycloakdb") + ";NON_KEYWORDS=VALUE");
        out.accept("Starting Keycloak " + KEYCLOAK_VERSION + " on http://localhost:" + port
                + " (the first start on a machine builds Keycloak: a few minutes; later starts 15-60 s)");
        ManagedProcess keycloak = ManagedProcess.start("Keycloak", command, env, home, logs.resolve("keycloak.log"));
        started.add(keycloak);
        Duration took = keycloak.awaitReady(
                "http://localhost:" + port + "/realms/" + REALM + "/.well-known/openid-configuration",
                timeout,
                Duration.ofSeconds(5),
                out);
        out.accept("  Keycloak is ready (" + took.toSeconds() + " s); log: " + keycloak.log());
        keycloakPort = port;
        keycloakData = dataDir;
        this.keycloak = keycloak;
        return keycloak;
    }

    /** Starts the packaged API on {@code port} against {@code database}, with the Purbalingga demo data. */
    public ManagedProcess startApi(int port, StackDatabase database, Map<String, String> extraEnv, Duration timeout) {
        return startApi(port, database.jdbcUrl(), database.user(), database.password(), extraEnv, timeout);
    }

    /** Starts the packaged API on {@code port} against the database at {@code jdbcUrl}. */
    public ManagedProcess startApi(
            int port, String jdbcUrl, String user, String password, Map<String, String> extraEnv, Duration timeout) {
        return startApi(port, jdbcUrl, user, password, extraEnv, List.of(), Duration.ofSeconds(30), timeout);
    }

    /**
     * Starts the packaged API with {@code jvmOptions} added to its command line, on the JDK that runs
     * this class; stopping it waits up to {@code stopGrace} after SIGTERM (a JVM recording an AOT cache
     * writes it at its exit).
     */
    public ManagedProcess startApi(
            int port,
            String jdbcUrl,
            String user,
            String password,
            Map<String, String> extraEnv,
            List<String> jvmOptions,
            Duration stopGrace,
            Duration timeout) {
        Path jar = project.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw package -DskipTests");
        }
        if (Ports.answers("127.0.0.1", port)) {
            throw new IllegalStateException("Port " + port + " is already in use; the API needs it. Stop what runs"
                    + " there (this command never stops a process it did not start).");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_PROFILE", "demo");
        env.put("PORT", String.valueOf(port));
        env.put("DB_URL", jdbcUrl);
        env.put("DB_USER", user);
        env.put("DB_PASSWORD", password);
        env.put("OIDC_AUTH_SERVER_URL", issuer());
        env.putAll(extraEnv);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A 256 MB heap unless jvmOptions name another (the last -Xmx wins).
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        out.accept("Starting the API on http://localhost:" + port + " (demo profile: Purbalingga's data; Java "
                + Runtime.version() + ")");
        ManagedProcess api =
                ManagedProcess.start("API", command, env, project, logs.resolve("api-" + port + ".log"), stopGrace);
        started.add(api);
        Duration took =
                api.awaitReady("http://localhost:" + port + "/q/health/ready", timeout, Duration.ofSeconds(3), out);
        out.accept("  the API is ready (" + took.toMillis() + " ms); log: " + api.log());
        if (apiPort == 0) {
            apiPort = port; // apiUrl() is the first API started; later ones (fault tests) have their own ports
            apiLog = api.log();
        }
        return api;
    }

    /** Stops Keycloak (for a fault test); {@link #restartKeycloak} brings it back with the same data. */
    public void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    public boolean keycloakRunning() {
        return keycloak != null && keycloak.isAlive();
    }

    /** Starts Keycloak again on its port with its data (realm, keys, users) as it was. */
    public void restartKeycloak(Duration timeout) {
        startKeycloak(keycloakPort, keycloakData, false, timeout);
    }

    public String issuer() {
        return "http://localhost:" + keycloakPort + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /**
     * An access token of the demo user {@code user} (password {@code demo}) from Keycloak, by the
     * password grant of the {@code smartcity-cli} client, as the docs' curl lines get one. Fails
     * with Keycloak's answer when it refuses.
     */
    public String passwordToken(String user) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=smartcity-cli&password=demo&username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        String token =
                new ObjectMapper().readTree(r.body()).path("access_token").asText("");
        if (r.statusCode() != 200 || token.isEmpty()) {
            throw new IllegalStateException(
                    "Keycloak refused a token for " + user + ": " + r.statusCode() + " " + r.body());
        }
        return token;
    }

    public String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    /** The URL of the first API this stack started. */
    public String apiUrl() {
        return "http://localhost:" + apiPort;
    }

    /** The log file of the API that {@link #apiUrl()} names. */
    public Path apiLog() {
        return apiLog;
    }

    /** Stops what this stack started, the API first, in reverse order. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            ManagedProcess p = started.get(i);
            if (p.isAlive()) {
                out.accept("Stopping " + p.name());
            }
            p.close();
        }
        started.clear();
    }

    /** Deletes {@code dir} and everything under it; nothing when it does not exist. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
