package id.smartcity.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

/**
 * The PostgreSQL database of the local stack or of the end-to-end suite: a database on the configured
 * server when it answers, otherwise an embedded PostgreSQL 17 whose files live in a project folder.
 * Only an embedded server started here is stopped by {@link #close()}; a configured server is never
 * touched beyond creating (or, for a throw-away database, dropping) the one database.
 */
public final class StackDatabase implements AutoCloseable {

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;
    private final String dropOnClose;
    private final String description;

    private StackDatabase(
            String jdbcUrl,
            String user,
            String password,
            EmbeddedPostgres embedded,
            String dropOnClose,
            String description) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.dropOnClose = dropOnClose;
        this.description = description;
    }

    /**
     * The server named by {@code jdbcUrl} when it answers (the database is created when missing;
     * with {@code throwAway} it is created afresh and dropped on close), otherwise an embedded server
     * with its data in {@code embeddedDir} (kept between runs unless {@code throwAway}).
     */
    public static StackDatabase open(
            String jdbcUrl, String user, String password, Path embeddedDir, boolean throwAway, Consumer<String> out) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String host = uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String database = uri.getPath().substring(1);
        if (!"embedded".equals(System.getProperty("smartcity.stack.db")) && Ports.answers(host, port)) {
            String admin = "jdbc:postgresql://" + host + ":" + port + "/postgres";
            try (Connection c = DriverManager.getConnection(admin, user, password);
                    Statement s = c.createStatement()) {
                if (throwAway) {
                    s.execute("DROP DATABASE IF EXISTS " + quoted(database) + " WITH (FORCE)");
                }
                if (!exists(c, database)) {
                    s.execute("CREATE DATABASE " + quoted(database));
                    out.accept("  created database " + database + " on " + host + ":" + port);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "PostgreSQL answers on " + host + ":" + port + " but the database " + database
                                + " could not be prepared as user " + user + ": " + e.getMessage(),
                        e);
            }
            return new StackDatabase(
                    jdbcUrl,
                    user,
                    password,
                    null,
                    throwAway ? database : null,
                    "PostgreSQL at " + host + ":" + port + ", database " + database);
        }
        try {
            Files.createDirectories(embeddedDir.resolve("work"));
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(embeddedDir.resolve("work").toFile())
                    .setDataDirectory(embeddedDir.resolve("data"))
                    .setCleanDataDirectory(throwAway)
                    .start();
            try (Connection c = pg.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                if (!exists(c, database)) {
                    s.execute("CREATE DATABASE " + quoted(database));
                }
            }
            return new StackDatabase(
                    pg.getJdbcUrl("postgres", database),
                    "postgres",
                    "",
                    pg,
                    null,
                    "embedded PostgreSQL 17 on 127.0.0.1:" + pg.getPort() + ", database " + database + ", data in "
                            + embeddedDir.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + embeddedDir, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection c, String database) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String quoted(String identifier) {
        if (!identifier.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Unexpected database name: " + identifier);
        }
        return identifier;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String description() {
        return description;
    }

    public boolean embedded() {
        return embedded != null;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("[stack] embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
        if (dropOnClose != null) {
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            String admin = "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : 5432)
                    + "/postgres";
            try (Connection c = DriverManager.getConnection(admin, user, password);
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + quoted(dropOnClose) + " WITH (FORCE)");
            } catch (SQLException e) {
                System.err.println("[stack] could not drop " + dropOnClose + ": " + e.getMessage());
            }
        }
    }
}
