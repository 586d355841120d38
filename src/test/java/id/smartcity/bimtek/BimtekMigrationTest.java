package id.smartcity.bimtek;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.smartcity.testsupport.Db;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V13 on existing sessions: migrated to V12 in a schema of its own, given sessions, then migrated
 * to V13 — one stage per region, cohort year (in WIB) and stage number, days from the sessions'
 * dates, HELD only when all its sessions are, every session linked.
 */
@QuarkusTest
class BimtekMigrationTest {

    @Test
    void existingSessionsBecomeStagesAndAreLinked() throws Exception {
        String schema =
                "v13_check_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getOptionalValue("quarkus.datasource.password", String.class)
                .orElse("");
        try {
            flyway(url, user, password, schema, "12").migrate();
            try (Connection c = Db.connect();
                    Statement s = c.createStatement()) {
                s.execute("SET search_path TO " + schema);
                s.execute("INSERT INTO region (code, name, type, province, created_at, updated_at)"
                        + " VALUES ('33.03', 'Kabupaten Purbalingga', 'KABUPATEN', 'Jawa Tengah', now(), now())");
                s.execute("INSERT INTO fgd_session (id, region_code, title, dimension_code, bimtek_stage, bimtek_day,"
                        + " scheduled_start, scheduled_end, venue, status, created_at, updated_at) VALUES"
                        + row("GOVERNANCE", 2, "2024-07-11T09:00+07", "Gedung Ardilawet", "HELD") + ","
                        + row("LIVING", 2, "2024-07-11T13:00+07", "Gedung Ardilawet", "HELD") + ","
                        // 06:00 WIB on the 12th is still the 11th in UTC: day 2 all the same.
                        + row("ECONOMY", 2, "2024-07-12T06:00+07", "Pendopo", "HELD") + ","
                        + row("SOCIETY", 3, "2024-09-02T09:00+07", null, "PLANNED") + ","
                        + row("BRANDING", 3, "2024-09-03T09:00+07", null, "HELD") + ","
                        + row("ECONOMY", 2, "2025-07-02T09:00+07", null, "CANCELLED"));
            }
            flyway(url, user, password, schema, "13").migrate();
            try (Connection c = Db.connect();
                    Statement s = c.createStatement()) {
                s.execute("SET search_path TO " + schema);
                assertEquals(
                        List.of(
                                "2024 2 Bimtek Smart City Tahap II | Gedung Ardilawet | HELD | 1:2024-07-11,2:2024-07-12"
                                        + " | 3 sessions | 7 outputs",
                                "2024 3 Bimtek Smart City Tahap III | null | PLANNED | 1:2024-09-02,2:2024-09-03"
                                        + " | 2 sessions | 1 outputs",
                                "2025 2 Bimtek Smart City Tahap II | null | PLANNED | 1:2025-07-02 | 1 sessions"
                                        + " | 7 outputs"),
                        rows(
                                s,
                                "SELECT st.cohort_year || ' ' || st.stage_number || ' ' || st.title || ' | '"
                                        + " || coalesce(st.venue, 'null') || ' | ' || st.status || ' | '"
                                        + " || (SELECT string_agg(day_number || ':' || day_date, ',' ORDER BY"
                                        + " day_number) FROM bimtek_stage_day d WHERE d.stage_id = st.id) || ' | '"
                                        + " || (SELECT count(*) FROM fgd_session f WHERE f.bimtek_stage_id = st.id)"
                                        + " || ' sessions | ' || (SELECT count(*) FROM bimtek_stage_output o"
                                        + " WHERE o.stage_id = st.id) || ' outputs'"
                                        + " FROM bimtek_stage st ORDER BY st.cohort_year, st.stage_number"));
                assertEquals(
                        List.of(
                                "0 GOVERNANCE Analisis strategis dimensi",
                                "5 ENVIRONMENT Analisis strategis dimensi",
                                "6 - Rencana program quick win"),
                        rows(
                                s,
                                "SELECT o.position || ' ' || coalesce(o.dimension_code, '-') || ' ' || o.description"
                                        + " FROM bimtek_stage_output o JOIN bimtek_stage st ON st.id = o.stage_id"
                                        + " WHERE st.cohort_year = 2024 AND st.stage_number = 2"
                                        + " AND o.position IN (0, 5, 6) ORDER BY o.position"));
                assertEquals(List.of("0"), rows(s, "SELECT count(*) FROM fgd_session WHERE bimtek_stage_id IS NULL"));
            }
        } finally {
            try (Connection c = Db.connect();
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static Flyway flyway(String url, String user, String password, String schema, String target) {
        return Flyway.configure()
                .dataSource(url, user, password)
                .schemas(schema)
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }

    private static String row(String dimension, int stage, String start, String venue, String status) {
        return "(gen_random_uuid(), '33.03', 'FGD " + dimension + "', '" + dimension + "', " + stage + ", 1, '" + start
                + "', timestamptz '" + start + "' + interval '2 hours', "
                + (venue == null ? "NULL" : "'" + venue + "'") + ", '" + status + "', now(), now())";
    }

    private static List<String> rows(Statement s, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
