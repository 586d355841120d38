package id.smartcity.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A real PostgreSQL for the test suite: a fresh database on the server at 127.0.0.1:5432 when one
 * answers, otherwise an embedded PostgreSQL 17 whose files live under {@code target/}. The same
 * suite runs either way; Flyway migrates the empty database at start-up.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static final String LOCAL_HOST = System.getenv().getOrDefault("TEST_PGHOST", "127.0.0.1");
    private static final int LOCAL_PORT = Integer.parseInt(System.getenv().getOrDefault("TEST_PGPORT", "5432"));
    private static final String LOCAL_USER = System.getenv().getOrDefault("TEST_PGUSER", "postgres");
    private static final String LOCAL_PASSWORD = System.getenv().getOrDefault("TEST_PGPASSWORD", "");
    private static final String PREFIX = "smartcity_test_";

    private EmbeddedPostgres embedded;
    private String database;
    // Held open from creation to the end: other suites on the same server drop test databases
    // that nobody is connected to (leftovers), and this one has no other connection until Quarkus
    // has started.
    private Connection keeper;

    @Override
    public Map<String, String> start() {
        if (!"embedded".equals(System.getProperty("smartcity.test.db")) && localAnswers()) {
            return startLocal();
        }
        return startEmbedded();
    }

    private Map<String, String> startLocal() {
        // The pid, and a random part for suites in other process namespaces that share the server.
        database = PREFIX + ProcessHandle.current().pid() + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            dropLeftovers(s);
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
            keeper = DriverManager.getConnection(
                    "jdbc:postgresql://" + LOCAL_HOST + ":" + LOCAL_PORT + "/" + database, LOCAL_USER, LOCAL_PASSWORD);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not create the test database on " + LOCAL_HOST + ":" + LOCAL_PORT, e);
        }
        System.out.println("[tests] PostgreSQL at " + LOCAL_HOST + ":" + LOCAL_PORT + ", database " + database);
        return Map.of(
                "quarkus.datasource.jdbc.url",
                "jdbc:postgresql://" + LOCAL_HOST + ":" + LOCAL_PORT + "/" + database,
                "quarkus.datasource.username",
                LOCAL_USER,
                "quarkus.datasource.password",
                LOCAL_PASSWORD);
    }

    private Map<String, String> startEmbedded() {
        try {
            Path base = Path.of("target", "embedded-pg").toAbsolutePath();
            Files.createDirectories(base.resolve("work"));
            embedded = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(base.resolve("work").toFile())
                    .setDataDirectory(base.resolve("data"))
                    .setCleanDataDirectory(true)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL", e);
        }
        System.out.println("[tests] embedded PostgreSQL on port " + embedded.getPort());
        return Map.of(
                "quarkus.datasource.jdbc.url", embedded.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("[tests] embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
        if (keeper != null) {
            try {
                keeper.close();
            } catch (SQLException e) {
                // Dropped WITH (FORCE) below anyway.
            }
        }
        if (database != null) {
            try (Connection c = admin();
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } catch (SQLException e) {
                System.err.println("[tests] could not drop " + database + ": " + e.getMessage());
            }
        }
    }

    /** Databases of earlier runs that died before dropping theirs; one still in use is left alone. */
    private static void dropLeftovers(Statement s) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'"
                + " AND datname NOT IN (SELECT datname FROM pg_stat_activity WHERE datname IS NOT NULL)")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        for (String name : names) {
            try {
                s.execute("DROP DATABASE IF EXISTS " + name);
            } catch (SQLException ignored) {
                // Someone connected in the meantime: theirs to drop.
            }
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://" + LOCAL_HOST + ":" + LOCAL_PORT + "/postgres", LOCAL_USER, LOCAL_PASSWORD);
    }

    private static boolean localAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOCAL_HOST, LOCAL_PORT), 1000);
        } catch (IOException e) {
            return false;
        }
        try (Connection c = admin()) {
            return c.isValid(2);
        } catch (SQLException e) {
            System.out.println("[tests] PostgreSQL at " + LOCAL_HOST + ":" + LOCAL_PORT + " answers but refuses us ("
                    + e.getSQLState() + "); using the embedded one");
            return false;
        }
    }
}
