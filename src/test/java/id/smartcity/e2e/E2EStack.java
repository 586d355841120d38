package id.smartcity.e2e;

import id.smartcity.stack.Ports;
import id.smartcity.stack.SmartCityStack;
import id.smartcity.stack.StackDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one stack of the end-to-end suite, shared by every {@code *E2E} class of the run: a throw-away
 * database (the local server, else embedded), Keycloak with the realm of {@code deploy/keycloak}
 * (fresh H2 files) and the packaged API with the Purbalingga demo, on free loopback ports. Started
 * by the first class that asks for it (a Keycloak start costs 30–100 s here), stopped when the last
 * class has run: it lives in JUnit's root store, which closes it at the end of the run; a JVM
 * shutdown hook stops it too if the run is cut short.
 *
 * <p>Use: {@code @ExtendWith(E2EStack.Resolver.class)} and a {@code @BeforeAll static void
 * start(E2EStack e2e)}.
 */
public final class E2EStack implements AutoCloseable {

    /** The dashboard origin the API allows (CORS_ORIGINS); the browser test serves its page there. */
    public static final String DASHBOARD_ORIGIN = "http://localhost:8090";

    private final Path project;
    private final Path work;
    private StackDatabase database;
    private SmartCityStack stack;
    private final Thread hook = new Thread(this::close, "stop-e2e-stack");

    private E2EStack(Path project) {
        this.project = project;
        this.work = project.resolve("target/e2e");
    }

    private static E2EStack start() {
        Path project = Path.of(System.getProperty("smartcity.project", "."))
                .toAbsolutePath()
                .normalize();
        E2EStack e2e = new E2EStack(project);
        Runtime.getRuntime().addShutdownHook(e2e.hook);
        try {
            e2e.startAll();
        } catch (RuntimeException e) {
            e2e.close();
            throw e;
        }
        return e2e;
    }

    private void startAll() {
        String host = System.getenv().getOrDefault("TEST_PGHOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("TEST_PGPORT", "5432");
        database = StackDatabase.open(
                "jdbc:postgresql://" + host + ":" + port + "/smartcity_e2e_"
                        + ProcessHandle.current().pid(),
                System.getenv().getOrDefault("TEST_PGUSER", "postgres"),
                System.getenv().getOrDefault("TEST_PGPASSWORD", ""),
                work.resolve("postgres"),
                true,
                E2EStack::log);
        log("[e2e] database: " + database.description());
        stack = new SmartCityStack(project, work.resolve("logs"), E2EStack::log);
        stack.startKeycloak(Ports.free(), work.resolve("keycloak"), true, Duration.ofMinutes(10));
        // JSON log lines, as in production (the demo profile writes text for people by default).
        stack.startApi(
                Ports.free(),
                database.jdbcUrl(),
                database.user(),
                database.password(),
                Map.of("CORS_ORIGINS", DASHBOARD_ORIGIN, "SMARTCITY_JSON_LOGS", "true"),
                aotTraining(),
                Duration.ofMinutes(3),
                Duration.ofMinutes(3));
    }

    /**
     * The training run of the AOT cache (JEP 483, 514): with {@code -Paot} the failsafe run sets
     * {@code smartcity.aot.cache} to {@code target/quarkus-app/app.aot}, and on a JDK 25 or later this
     * run's API records it; the JVM writes the cache when the API stops at the end of the suite, so
     * everything the suite made it do (logins, every feature, the browser's calls) is in it. The fault
     * tests' own APIs do not record: they are killed, and two writers of one file would clash.
     */
    private List<String> aotTraining() {
        String cache = System.getProperty("smartcity.aot.cache", "");
        if (cache.isBlank()) {
            return List.of();
        }
        if (Runtime.version().feature() < 25) {
            log("[e2e] not training the AOT cache: Java " + Runtime.version() + " runs this suite; it needs 25");
            return List.of();
        }
        log("[e2e] the API records the AOT cache " + cache + " (written when it stops)");
        // The image's collector (deploy/Dockerfile): the cache is made for the flags it was trained with.
        // The JVM's own notes on what it cannot archive go to a file of their own, not between the
        // API's JSON lines on stdout (KeycloakE2E reads every line of that log as JSON).
        return List.of(
                "-XX:AOTCacheOutput=" + cache,
                "-XX:+UseSerialGC",
                "-Xlog:aot*=off",
                "-Xlog:aot*=warning:file=" + work.resolve("logs/aot-training.log"));
    }

    public SmartCityStack stack() {
        return stack;
    }

    /** The run's database, which every API instance of the run may share. */
    public StackDatabase database() {
        return database;
    }

    public Path project() {
        return project;
    }

    /** {@code target/e2e}: logs, Keycloak's data, the browser test's output. */
    public Path work() {
        return work;
    }

    /** Stops the API, Keycloak and the database; safe to call twice. */
    @Override
    public synchronized void close() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
    }

    private static void log(String line) {
        System.out.println(line);
    }

    /** Resolves an {@link E2EStack} parameter with the run's shared stack, starting it on first use. */
    public static final class Resolver implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == E2EStack.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot()
                    .getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(E2EStack.class, key -> start(), E2EStack.class);
        }
    }
}
