package id.smartcity.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import id.smartcity.platform.security.Roles;
import id.smartcity.testsupport.Db;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many writers at once — through the API, and through a second "instance" that shares only the
 * database — leave one valid chain with no gaps.
 */
@QuarkusTest
class AuditChainConcurrencyTest {

    private static final int API_WRITERS = 6;
    private static final int OTHER_INSTANCE_WRITERS = 3;
    private static final int WRITES_EACH = 8;

    @Test
    void parallelWritersOnTwoInstancesLeaveAValidChainWithoutGaps() throws Exception {
        long before = head();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < API_WRITERS; i++) {
            codes.add(TestData.createRegion("Kabupaten Paralel " + i));
        }
        String admin = Tokens.user("paralel.admin").roles(Roles.ADMIN).sign();
        ExecutorService pool = Executors.newFixedThreadPool(API_WRITERS + OTHER_INSTANCE_WRITERS);
        List<Callable<Void>> jobs = new ArrayList<>();
        for (String code : codes) {
            jobs.add(() -> {
                for (int n = 1; n <= WRITES_EACH; n++) {
                    given().auth()
                            .oauth2(admin)
                            .contentType("application/merge-patch+json")
                            .body(Map.of("name", "Kabupaten Paralel " + code + " #" + n))
                            .patch("/api/v1/regions/" + code)
                            .then()
                            .statusCode(200);
                }
                return null;
            });
        }
        for (int w = 0; w < OTHER_INSTANCE_WRITERS; w++) {
            int writer = w;
            jobs.add(() -> {
                // Its own connections: nothing shared with the service but the database.
                try (Connection c = Db.connect()) {
                    c.setAutoCommit(false);
                    for (int n = 1; n <= WRITES_EACH; n++) {
                        AuditChain.append(
                                c,
                                "instance-2",
                                "instance-2",
                                "instance-2",
                                null,
                                "TEST",
                                writer + "-" + n,
                                AuditAction.CREATE,
                                null,
                                JsonNodeFactory.instance.objectNode().put("n", n),
                                null);
                        c.commit();
                    }
                }
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(jobs)) {
            f.get();
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);

        long expected = (long) (API_WRITERS + OTHER_INSTANCE_WRITERS) * WRITES_EACH;
        assertEquals(before + API_WRITERS + expected, head(), "every write appended exactly one event");
        try (Connection c = Db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), min(id), max(id) FROM audit_event")) {
            rs.next();
            assertEquals(rs.getLong(3), rs.getLong(1), "ids are gapless");
            assertEquals(1, rs.getLong(2));
        }
        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .get("/api/v1/audit-events/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("checked", equalTo((int) head()));
    }

    private static long head() throws Exception {
        try (Connection c = Db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT last_id FROM audit_chain_head")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
