package id.smartcity.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import id.smartcity.audit.api.VerifyResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;

/**
 * Not a test: {@code src/test/bench/audit.sh} runs it. Measures (1) write throughput of a region update
 * with and without its audit append, at several concurrencies, and (2) verification of a chain of
 * N events under the small heap the script gives it. Prints a table; asserts nothing.
 */
public final class AuditBenchmark {

    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String DB = "smartcity_bench";
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + DB;
    private static final String USER = System.getenv().getOrDefault("BENCH_PGUSER", "postgres");

    private AuditBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(System.getProperty("bench.seconds", "10"));
        int events = Integer.parseInt(System.getProperty("bench.events", "1000000"));
        recreateDatabase();
        Flyway.configure().dataSource(URL, USER, "").load().migrate();
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            for (int i = 0; i < 64; i++) {
                s.execute(String.format(
                        "INSERT INTO region (code, name, type, province) VALUES ('%02d.%02d', 'Kabupaten %d', 'KABUPATEN', 'Jawa Tengah')",
                        10 + i / 100, i % 100, i));
            }
        }
        System.out.printf("%nWrite throughput (%d s per cell; one region UPDATE per transaction)%n", seconds);
        System.out.printf("%-12s %14s %14s %8s%n", "writers", "plain tx/s", "audited tx/s", "ratio");
        for (int writers : new int[] {1, 4, 16}) {
            double plain = throughput(writers, seconds, false);
            double audited = throughput(writers, seconds, true);
            System.out.printf("%-12d %14.0f %14.0f %8.2f%n", writers, plain, audited, audited / plain);
        }
        verifyLongChain(events);
    }

    private static double throughput(int writers, int seconds, boolean audited) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<Long>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String code = String.format("%02d.%02d", 10 + w / 100, w % 100);
            results.add(pool.submit(() -> {
                long done = 0;
                try (Connection c = connect();
                        PreparedStatement update = c.prepareStatement(
                                "UPDATE region SET name = ?, version = version + 1, updated_at = now() WHERE code = ?")) {
                    c.setAutoCommit(false);
                    while (System.nanoTime() < deadline) {
                        String name = "Kabupaten " + code + " #" + done;
                        update.setString(1, name);
                        update.setString(2, code);
                        update.executeUpdate();
                        if (audited) {
                            JsonNode after =
                                    JsonNodeFactory.instance.objectNode().put("name", name);
                            AuditChain.append(
                                    c,
                                    "bench",
                                    "bench",
                                    "bench",
                                    code,
                                    "REGION",
                                    code,
                                    AuditAction.UPDATE,
                                    JsonNodeFactory.instance.objectNode().put("name", "before"),
                                    after,
                                    null);
                        }
                        c.commit();
                        done++;
                    }
                }
                return done;
            }));
        }
        long total = 0;
        for (Future<Long> f : results) {
            total += f.get();
        }
        pool.shutdown();
        return total / (double) seconds;
    }

    private static void verifyLongChain(int events) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            long last;
            String hash;
            try (Statement s = c.createStatement()) {
                var rs = s.executeQuery("SELECT last_id, last_hash FROM audit_chain_head");
                rs.next();
                last = rs.getLong(1);
                hash = rs.getString(2);
            }
            // Bulk-build the chain with the service's own hashing, batched, then move the head.
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_event (" + AuditChain.COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                OffsetDateTime time = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
                for (long id = last + 1; id <= last + events; id++) {
                    String code = String.format("%02d.%02d", 10 + (int) (id % 64) / 100, (int) (id % 64) % 100);
                    JsonNode after = JsonNodeFactory.instance
                            .objectNode()
                            .put("name", "Kabupaten " + id)
                            .put("province", "Jawa Tengah");
                    AuditEvent e = new AuditEvent(
                            id,
                            time,
                            "bench",
                            "bench",
                            "bench",
                            code,
                            "REGION",
                            code,
                            AuditAction.UPDATE,
                            null,
                            after,
                            "bench-" + id,
                            hash,
                            null);
                    String next = AuditChain.hash(hash, AuditChain.canonical(e));
                    insert.setLong(1, id);
                    insert.setObject(2, time);
                    insert.setString(3, "bench");
                    insert.setString(4, "bench");
                    insert.setString(5, "bench");
                    insert.setString(6, code);
                    insert.setString(7, "REGION");
                    insert.setString(8, code);
                    insert.setString(9, "UPDATE");
                    insert.setString(10, null);
                    insert.setString(11, CanonicalJson.write(after));
                    insert.setString(12, "bench-" + id);
                    insert.setString(13, hash);
                    insert.setString(14, next);
                    insert.addBatch();
                    hash = next;
                    if (id % 5000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement head =
                    c.prepareStatement("UPDATE audit_chain_head SET last_id = ?, last_hash = ?")) {
                head.setLong(1, last + events);
                head.setString(2, hash);
                head.executeUpdate();
            }
            c.commit();
        }
        double loadSeconds = (System.nanoTime() - start) / 1e9;

        System.gc();
        Runtime rt = Runtime.getRuntime();
        long verifyStart = System.nanoTime();
        VerifyResponse result;
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            result = ChainVerifier.verifyOn(c, 1, null);
            c.rollback();
        }
        double verifySeconds = (System.nanoTime() - verifyStart) / 1e9;
        System.out.printf(
                "%nVerify: %d events loaded in %.1f s; verified in %.1f s (%.0f events/s), valid=%s, checked=%d;"
                        + " max heap %d MB, used after %d MB%n",
                events,
                loadSeconds,
                verifySeconds,
                result.checked() / verifySeconds,
                result.valid(),
                result.checked(),
                rt.maxMemory() / (1024 * 1024),
                (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
    }

    private static void recreateDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DB);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, "");
    }
}
