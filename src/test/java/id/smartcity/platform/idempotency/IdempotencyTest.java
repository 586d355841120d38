package id.smartcity.platform.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.smartcity.platform.security.Roles;
import id.smartcity.testsupport.Db;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code Idempotency-Key} on POST (DESIGN §4), against the real database and real tokens. */
@QuarkusTest
public class IdempotencyTest {

    private static final String KEY = "Idempotency-Key";

    @Inject
    IdempotencyStore store;

    private static String stakeholders(String region) {
        return "/api/v1/regions/" + region + "/stakeholders";
    }

    private static String stakeholder(String name) {
        return """
                {"name": "%s", "kind": "ACADEMIA", "organisation": "Universitas Jenderal Soedirman",
                 "position": "Dosen", "email": "dosen@unsoed.ac.id", "phone": "0812-3456-7890",
                 "memberships": [{"dimension": "SOCIETY", "role": "MEMBER"}]}""".formatted(name);
    }

    private static Response post(String token, String key, String path, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header(KEY, key);
        }
        return request.post(path);
    }

    private static String coordinatorOf(String region, String username) {
        return Tokens.user(username).roles(Roles.COORDINATOR).regions(region).sign();
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstResponseAndWritesOnce() throws SQLException {
        String region = TestData.createRegion("Kabupaten Ulangan");
        String token = coordinatorOf(region, "koordinator-ulangan");
        String key = UUID.randomUUID().toString();
        String body = stakeholder("Pusat Studi Kota Cerdas");

        Response first = post(token, key, stakeholders(region), body);
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        Response retry = post(token, key, stakeholders(region), body);
        retry.then().statusCode(201).header("Idempotent-Replayed", equalTo("true"));

        assertEquals(first.asString(), retry.asString(), "the replayed body is the first body, byte for byte");
        for (String header : List.of("Location", "ETag", "Content-Type")) {
            assertEquals(first.header(header), retry.header(header), header);
        }
        String id = first.path("id");
        assertTrue(first.header("Location").endsWith("/" + id));
        assertNotEquals(first.header("X-Request-Id"), retry.header("X-Request-Id"));
        assertEquals(1, count("SELECT count(*) FROM stakeholder WHERE region_code = ?", region));
        assertEquals(
                1,
                count(
                        "SELECT count(*) FROM audit_event WHERE entity_type = 'STAKEHOLDER' AND region_code = ?",
                        region));

        // The record is the acknowledged response, kept at least 24 hours, scoped to the caller.
        try (Connection c = Db.connect();
                PreparedStatement ps = c.prepareStatement("SELECT status, location, etag, body,"
                        + " expires_at - created_at >= interval '24 hours' FROM idempotency_key"
                        + " WHERE caller = ? AND key = ?")) {
            ps.setString(1, "user:" + Tokens.subjectOf("koordinator-ulangan"));
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the key is recorded with the write");
                assertEquals(201, rs.getInt(1));
                assertEquals(first.header("Location"), rs.getString(2));
                assertEquals(first.header("ETag"), rs.getString(3));
                assertArrayEquals(first.asByteArray(), rs.getBytes(4));
                assertTrue(rs.getBoolean(5));
            }
        }
    }

    @Test
    void aRetryOfATransitionGetsItsFirstAnswerAndDoesNotMoveTwice() throws SQLException {
        String region = TestData.createRegion("Kabupaten Transisi");
        String admin = TestData.adminToken();
        String session = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("""
                        {"title": "FGD Smart Living", "dimension": "LIVING", "bimtekStage": 2, "bimtekDay": 1,
                         "scheduledStart": "2024-07-11T09:00:00+07:00", "scheduledEnd": "2024-07-11T12:00:00+07:00",
                         "venue": "Gedung Ardilawet"}""")
                .post("/api/v1/regions/" + region + "/fgd-sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String path = "/api/v1/regions/" + region + "/fgd-sessions/" + session + "/transitions";
        String body = "{\"to\": \"CANCELLED\", \"reason\": \"Narasumber berhalangan\"}";
        String key = "cancel-" + session;

        Response first = post(admin, key, path, body);
        first.then().statusCode(200).body("status", equalTo("CANCELLED"));
        // Run again, a second transition from CANCELLED would be a 409; the replay is the 200.
        Response retry = post(admin, key, path, body);
        retry.then().statusCode(200).header("Idempotent-Replayed", equalTo("true"));
        assertEquals(first.asString(), retry.asString());
        assertEquals(first.header("ETag"), retry.header("ETag"));
        assertEquals(
                1, count("SELECT count(*) FROM audit_event WHERE entity_id = ? AND action = 'TRANSITION'", session));
        // Without the key, the same request runs and is refused.
        post(admin, null, path, body).then().statusCode(409);
    }

    @Test
    void theSameKeyWithAnotherBodyOrPathIs422AndChangesNothing() throws SQLException {
        String region = TestData.createRegion("Kabupaten Kunci Ganda");
        String other = TestData.createRegion("Kabupaten Kunci Lain");
        String token = Tokens.user("koordinator-ganda")
                .roles(Roles.COORDINATOR)
                .regions(region, other)
                .sign();
        String key = UUID.randomUUID().toString();
        post(token, key, stakeholders(region), stakeholder("Forum Desa Wisata"))
                .then()
                .statusCode(201);

        for (String[] attempt : new String[][] {
            {stakeholders(region), stakeholder("Forum Desa Wisata Lain")},
            {stakeholders(other), stakeholder("Forum Desa Wisata")}
        }) {
            post(token, key, attempt[0], attempt[1])
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .header("Idempotent-Replayed", nullValue())
                    .body("type", equalTo("urn:smartcity:problem:idempotency-key-reused"))
                    .body("status", equalTo(422))
                    .body("detail", containsString("POST " + stakeholders(region)))
                    .body("errors[0].field", equalTo(KEY))
                    .body("instance", equalTo(attempt[0]));
        }
        assertEquals(1, count("SELECT count(*) FROM stakeholder WHERE region_code IN (?, ?)", region, other));
    }

    @Test
    void aMalformedKeyIs400NamingTheHeader() {
        String region = TestData.createRegion("Kabupaten Kunci Rusak");
        String token = coordinatorOf(region, "koordinator-rusak");
        for (String key : List.of("", "k".repeat(256), "schlüssel")) {
            post(token, key, stakeholders(region), stakeholder("Komunitas TIK"))
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:smartcity:problem:validation"))
                    .body("errors[0].field", equalTo(KEY));
        }
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .header(KEY, "a")
                .header(KEY, "b")
                .body(stakeholder("Komunitas TIK"))
                .post(stakeholders(region))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo(KEY));
        // The longest key and every printable character are fine.
        post(token, "~".repeat(255), stakeholders(region), stakeholder("Komunitas TIK"))
                .then()
                .statusCode(201);
        post(token, " !\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}", stakeholders(region), stakeholder("Komunitas Lain"))
                .then()
                .statusCode(201);
    }

    @Test
    void aKeyWhoseRequestIsStillRunningIs409WithRetryAfterAndItsAnswerComesLater() throws Exception {
        String region = TestData.createRegion("Kabupaten Sedang Jalan");
        String token = coordinatorOf(region, "koordinator-sedang");
        String key = UUID.randomUUID().toString();
        String body = stakeholder("Asosiasi UMKM");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<Response> running;
        // Hold the audit chain's head, so that the first request stops inside its transaction,
        // after its insert and before its commit.
        try (Connection chain = Db.connect()) {
            chain.setAutoCommit(false);
            try (Statement s = chain.createStatement()) {
                s.executeQuery("SELECT last_id FROM audit_chain_head WHERE id = 1 FOR UPDATE");
            }
            running = pool.submit(() -> post(token, key, stakeholders(region), body));
            awaitBlockedOnTheAuditChain();

            for (String retryBody : List.of(body, stakeholder("Asosiasi UMKM Lain"))) {
                post(token, key, stakeholders(region), retryBody)
                        .then()
                        .statusCode(409)
                        .contentType("application/problem+json")
                        .header("Retry-After", equalTo("1"))
                        .body("type", equalTo("urn:smartcity:problem:idempotency-key-in-use"))
                        .body("status", equalTo(409))
                        .body("detail", containsString("still being processed"));
            }
            chain.rollback();
        }
        Response first = running.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        post(token, key, stakeholders(region), body)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.path("id")));
        assertEquals(1, count("SELECT count(*) FROM stakeholder WHERE region_code = ?", region));
    }

    @Test
    void aKeyHeldByAConnectionThatDiesIsFreeAtOnce() throws SQLException {
        String region = TestData.createRegion("Kabupaten Putus");
        String username = "koordinator-putus";
        String token = coordinatorOf(region, username);
        String key = UUID.randomUUID().toString();
        // Another instance runs a request with this key: its transaction holds the key's lock.
        try (Connection holder = Db.connect();
                Connection admin = Db.connect()) {
            holder.setAutoCommit(false);
            int pid;
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT pg_backend_pid() FROM (SELECT pg_advisory_xact_lock(hashtextextended(?, 0))) taken")) {
                lock.setString(1, IdempotencyStore.lockName("user:" + Tokens.subjectOf(username), key));
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    pid = rs.getInt(1);
                }
            }
            post(token, key, stakeholders(region), stakeholder("Paguyuban Ojek"))
                    .then()
                    .statusCode(409)
                    .body("type", equalTo("urn:smartcity:problem:idempotency-key-in-use"));
            // That instance is killed: its connection ends without a commit.
            try (PreparedStatement kill = admin.prepareStatement(
                    "SELECT pg_terminate_backend(?, 5000)")) { // waits until it is gone (PostgreSQL 14+)
                kill.setInt(1, pid);
                kill.execute();
            }
        }
        // No lease to wait out: the retry runs at once, and once.
        post(token, key, stakeholders(region), stakeholder("Paguyuban Ojek"))
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue());
        assertEquals(1, count("SELECT count(*) FROM stakeholder WHERE region_code = ?", region));
    }

    private static void awaitBlockedOnTheAuditChain() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                            + " AND wait_event_type = 'Lock' AND query LIKE '%audit_chain_head%'")
                    > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the first request never reached the audit chain");
    }

    @Test
    void concurrentRequestsWithOneKeyWriteOnce() throws Exception {
        String region = TestData.createRegion("Kabupaten Serentak");
        String token = coordinatorOf(region, "koordinator-serentak");
        String key = UUID.randomUUID().toString();
        String body = stakeholder("Relawan TIK Purbalingga");
        int clients = 6;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                Callable<Response> call = () -> {
                    start.await();
                    return post(token, key, stakeholders(region), body);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get(60, TimeUnit.SECONDS));
            }
            Set<String> created = new HashSet<>();
            int first = 0;
            for (Response r : responses) {
                assertTrue(r.statusCode() == 201 || r.statusCode() == 409, "201 or 409, was " + r.statusCode());
                if (r.statusCode() == 201) {
                    created.add(r.asString());
                    if (r.header("Idempotent-Replayed") == null) {
                        first++;
                    }
                } else {
                    assertEquals("urn:smartcity:problem:idempotency-key-in-use", r.path("type"));
                }
            }
            assertEquals(1, first, "exactly one request ran");
            assertEquals(1, created.size(), "every 201 is the same response");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("SELECT count(*) FROM stakeholder WHERE region_code = ?", region));
        // After the rush, a retry is a replay.
        post(token, key, stakeholders(region), body).then().statusCode(201).header("Idempotent-Replayed", "true");
    }

    @Test
    void keysBelongToTheirCaller() throws SQLException {
        String region = TestData.createRegion("Kabupaten Dua Pengguna");
        String key = "shared-key-" + UUID.randomUUID();
        String alice = coordinatorOf(region, "koordinator-alice");
        String bob = coordinatorOf(region, "koordinator-bob");

        Response a = post(alice, key, stakeholders(region), stakeholder("Dinas Pariwisata"));
        a.then().statusCode(201);
        // Bob's key is his own: the same key neither replays Alice's response nor conflicts with it.
        Response b = post(bob, key, stakeholders(region), stakeholder("Dinas Pariwisata"));
        b.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        assertNotEquals(a.path("id"), (Object) b.path("id"));
        post(bob, key, stakeholders(region), stakeholder("Dinas Pariwisata"))
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(b.path("id")));
        assertEquals(2, count("SELECT count(*) FROM stakeholder WHERE region_code = ?", region));
        assertEquals(2, count("SELECT count(*) FROM idempotency_key WHERE key = ?", key));
    }

    @Test
    void tokensOfOneServiceAccountShareItsKeys() {
        String region = TestData.createRegion("Kabupaten Integrasi");
        String key = UUID.randomUUID().toString();
        // Two instances of an integrating system, each with a token of its own (another subject
        // each time in this test, to show that the client id is what counts).
        String first = serviceAccount("sipd-integrasi", "instance-1", region);
        String second = serviceAccount("sipd-integrasi", "instance-2", region);
        Response a = post(first, key, stakeholders(region), stakeholder("Bappeda"));
        a.then().statusCode(201);
        post(second, key, stakeholders(region), stakeholder("Bappeda"))
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(a.path("id")));
    }

    public static String serviceAccount(String clientId, String subject, String region) {
        return Tokens.user("service-account-" + clientId)
                .claim("sub", subject)
                .claim("azp", clientId)
                .claim("client_id", clientId)
                .roles(Roles.COORDINATOR)
                .regions(region)
                .sign();
    }

    @Test
    void aFailedRequestLeavesNoRecordAndItsRetryRunsAgain() throws SQLException {
        String region = TestData.createRegion("Kabupaten Gagal Dulu");
        String token = coordinatorOf(region, "koordinator-gagal");
        String key = UUID.randomUUID().toString();
        String lead = "{\"name\": \"%s\", \"kind\": \"GOVERNMENT_AGENCY\","
                + " \"memberships\": [{\"dimension\": \"ECONOMY\", \"role\": \"LEAD\"}]}";
        post(token, null, stakeholders(region), lead.formatted("Dinas Perdagangan"))
                .then()
                .statusCode(201);

        // Refused by a business rule (a second lead): nothing written, nothing recorded.
        post(token, key, stakeholders(region), lead.formatted("Dinas Koperasi"))
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:smartcity:problem:conflict"));
        // Invalid: the same.
        post(token, key, stakeholders(region), "{\"name\": \"\"}").then().statusCode(400);
        assertEquals(0, count("SELECT count(*) FROM idempotency_key WHERE key = ?", key));

        // The corrected request under the same key runs, once.
        String corrected = stakeholder("Dinas Koperasi");
        post(token, key, stakeholders(region), corrected).then().statusCode(201);
        post(token, key, stakeholders(region), corrected).then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(2, count("SELECT count(*) FROM stakeholder WHERE region_code = ?", region));
    }

    @Test
    void theKeyIsCommittedWithTheWriteOrNotAtAll() throws SQLException {
        String region = TestData.createRegion("Kabupaten Atomik");
        String token = coordinatorOf(region, "koordinator-atomik");
        String key = "fails-when-recorded-" + UUID.randomUUID();
        // The database refuses to record this key: the write before it in the same transaction
        // must not survive either.
        try (Connection c = Db.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE FUNCTION test_refuse_key() RETURNS trigger AS $$ BEGIN"
                    + " IF NEW.key LIKE 'fails-when-recorded-%' THEN RAISE EXCEPTION 'refused for the test'; END IF;"
                    + " RETURN NEW; END $$ LANGUAGE plpgsql");
            s.execute("CREATE TRIGGER test_refuse_key BEFORE INSERT ON idempotency_key"
                    + " FOR EACH ROW EXECUTE FUNCTION test_refuse_key()");
        }
        long eventsBefore = count("SELECT count(*) FROM audit_event");
        try {
            post(token, key, stakeholders(region), stakeholder("Dinas Lingkungan Hidup"))
                    .then()
                    .statusCode(500)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:smartcity:problem:internal"))
                    .body("detail", containsString("requestId"));
        } finally {
            try (Connection c = Db.connect();
                    Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER test_refuse_key ON idempotency_key");
                s.execute("DROP FUNCTION test_refuse_key()");
            }
        }
        assertEquals(0, count("SELECT count(*) FROM stakeholder WHERE region_code = ?", region));
        assertEquals(eventsBefore, count("SELECT count(*) FROM audit_event"));
        assertEquals(0, count("SELECT count(*) FROM idempotency_key WHERE key = ?", key));

        // The client retries: performed once, now acknowledged and recorded.
        post(token, key, stakeholders(region), stakeholder("Dinas Lingkungan Hidup"))
                .then()
                .statusCode(201);
        assertEquals(1, count("SELECT count(*) FROM stakeholder WHERE region_code = ?", region));
        assertEquals(1, count("SELECT count(*) FROM idempotency_key WHERE key = ?", key));
    }

    @Test
    void expiredKeysAreForgottenAndPurged() throws SQLException {
        String region = TestData.createRegion("Kabupaten Kedaluwarsa");
        String username = "koordinator-kedaluwarsa";
        String token = coordinatorOf(region, username);
        String key = UUID.randomUUID().toString();
        post(token, key, stakeholders(region), stakeholder("Karang Taruna"))
                .then()
                .statusCode(201);
        String stale = "stale-" + UUID.randomUUID();
        post(token, stale, stakeholders(region), stakeholder("PKK Kabupaten"))
                .then()
                .statusCode(201);
        try (Connection c = Db.connect();
                PreparedStatement ps = c.prepareStatement("UPDATE idempotency_key SET expires_at = now() - interval"
                        + " '1 second' WHERE caller = ? AND key IN (?, ?)")) {
            ps.setString(1, "user:" + Tokens.subjectOf(username));
            ps.setString(2, key);
            ps.setString(3, stale);
            assertEquals(2, ps.executeUpdate());
        }
        // An expired key is a new key: another body under it is no longer a reuse.
        post(token, key, stakeholders(region), stakeholder("Karang Taruna Desa"))
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue());

        assertTrue(store.purgeExpired() >= 1);
        assertEquals(0, count("SELECT count(*) FROM idempotency_key WHERE key = ?", stale));
        assertEquals(1, count("SELECT count(*) FROM idempotency_key WHERE key = ? AND expires_at > now()", key));
    }

    @Test
    void requestsWithoutAKeyAreNotRecorded() throws SQLException {
        String region = TestData.createRegion("Kabupaten Tanpa Kunci");
        String token = coordinatorOf(region, "koordinator-tanpa-kunci");
        String body = stakeholder("Media Lokal");
        post(token, null, stakeholders(region), body).then().statusCode(201).header("Idempotent-Replayed", nullValue());
        post(token, null, stakeholders(region), body).then().statusCode(201);
        assertEquals(2, count("SELECT count(*) FROM stakeholder WHERE region_code = ?", region));
        assertEquals(
                0,
                count(
                        "SELECT count(*) FROM idempotency_key WHERE caller = ?",
                        "user:" + Tokens.subjectOf("koordinator-tanpa-kunci")));
        // The header means nothing on other methods: no record, no check.
        given().auth()
                .oauth2(token)
                .header(KEY, "")
                .get(stakeholders(region))
                .then()
                .statusCode(200);
    }

    private static long count(String sql, Object... params) throws SQLException {
        try (Connection c = Db.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The interceptor binds by class: a resource class with a POST that lacks it would ignore keys. */
    @Test
    void everyResourceClassWithAPostHonoursTheKey() throws Exception {
        Path classes = Path.of("target", "classes");
        List<String> posting = new ArrayList<>();
        List<String> unguarded = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("id/smartcity"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file)
                        .toString()
                        .replace(File.separatorChar, '.')
                        .replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                boolean posts =
                        Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.isAnnotationPresent(POST.class));
                if (!posts) {
                    continue;
                }
                posting.add(type.getSimpleName());
                if (!type.isAnnotationPresent(Idempotent.class)) {
                    unguarded.add(type.getName());
                }
            }
        }
        assertTrue(posting.size() >= 8, "found the resource classes with a POST: " + posting);
        assertEquals(List.of(), unguarded);
    }
}
