package id.smartcity.fuzz;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import id.smartcity.platform.security.Roles;
import id.smartcity.quickwin.QuickWinResourceTest;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Sixteen (or {@code -Dconcurrency.writers}) writers on one quick win at once for a few seconds
 * ({@code -Dconcurrency.millis}, default 4000): merge patches of the quick win without If-Match,
 * milestones added, changed and removed, progress reports filed, and the workflow moved
 * PROPOSED → APPROVED → IN_PROGRESS ⇄ ON_HOLD with reasons. Afterwards: no 5xx; every
 * acknowledged (2xx) write is there — milestones and reports readable, deleted milestones gone —
 * and has its audit event (matched by X-Request-Id); and the audit chain verifies.
 */
@QuarkusTest
class QuickWinConcurrencyTest {

    private static final int WRITERS = Integer.getInteger("concurrency.writers", 16);
    private static final long MILLIS = Long.getLong("concurrency.millis", 4000);
    /** A write that hangs is an answer too: no answer within 15 s. */
    private static final RestAssuredConfig TIMEOUTS = RestAssured.config()
            .httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.socket.timeout", 15_000)
                    .setParam("http.connection.timeout", 10_000));

    private enum Action {
        PATCH_QUICK_WIN("QUICK_WIN", "UPDATE"),
        ADD_MILESTONE("MILESTONE", "CREATE"),
        CHANGE_MILESTONE("MILESTONE", "UPDATE"),
        REMOVE_MILESTONE("MILESTONE", "DELETE"),
        FILE_REPORT("PROGRESS_REPORT", "CREATE"),
        TRANSITION("QUICK_WIN", "TRANSITION");

        final String entityType;
        final String auditAction;

        Action(String entityType, String auditAction) {
            this.entityType = entityType;
            this.auditAction = auditAction;
        }
    }

    private record Write(Action action, String requestId, int status, String entityId, String detail) {
        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    private record Event(String requestId, String entityType, String entityId, String action) {}

    @Test
    void writersAtOnceOnOneQuickWinLoseNothingAndBreakNothing() throws Exception {
        long began = System.nanoTime();
        String region = TestData.createRegion("Kabupaten Serentak");
        String coordinator = Tokens.user("serentak.koordinator")
                .roles(Roles.COORDINATOR)
                .regions(region)
                .sign();
        String admin = Tokens.user("serentak.admin").roles(Roles.ADMIN).sign();
        String auditor = Tokens.user("serentak.auditor").roles(Roles.AUDITOR).sign();
        String id = QuickWinResourceTest.create(
                region, QuickWinResourceTest.body("Layanan serentak", "GOVERNANCE", "250000000"));
        String base = QuickWinResourceTest.base(region) + "/" + id;

        ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Set<String> milestones = ConcurrentHashMap.newKeySet();
        Set<String> removed = ConcurrentHashMap.newKeySet();
        AtomicReference<String> status = new AtomicReference<>("PROPOSED");
        List<String> failures = new ArrayList<>();

        try (LogCapture log = new LogCapture()) {
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                String token = writer % 4 == 3 ? admin : coordinator;
                done.add(pool.submit(() -> {
                    Random random = new Random(7919L * (writer + 1));
                    go.await();
                    long deadline = System.nanoTime() + MILLIS * 1_000_000;
                    int n = 0;
                    while (System.nanoTime() < deadline) {
                        String requestId = "qwc-" + writer + "-" + (++n);
                        Action action = pick(random);
                        long sent = System.nanoTime();
                        try {
                            writes.add(write(action, requestId, token, base, random, milestones, removed, status));
                        } catch (RuntimeException | AssertionError e) {
                            // No answer (a timeout), or a filter (the contract filter) refused it.
                            writes.add(new Write(action, requestId, -1, null, e.toString()));
                        }
                        latencies.add((System.nanoTime() - sent) / 1_000_000);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(MILLIS + 60_000, TimeUnit.MILLISECONDS);
            }
            pool.shutdown();

            // 5xx and writes without an answer, grouped by action and the exception logged for them.
            Map<String, List<String>> serverErrors = new TreeMap<>();
            for (Write w : writes) {
                if (w.status() >= 500 || w.status() < 0) {
                    List<String> logged = log.take(w.requestId());
                    String cause = w.status() < 0
                            ? "no answer or refused by a filter: "
                                    + FuzzRequest.abbreviate(String.valueOf(w.detail()), 160)
                            : "HTTP " + w.status() + ": " + (logged.isEmpty() ? "(no error logged)" : logged.get(0));
                    serverErrors
                            .computeIfAbsent(w.action() + " — " + cause, k -> new ArrayList<>())
                            .add(w.requestId());
                }
            }
            serverErrors.forEach((cause, ids) -> failures.add(ids.size() + "× " + cause + " (X-Request-Id "
                    + String.join(", ", ids.subList(0, Math.min(6, ids.size()))) + (ids.size() > 6 ? ", …" : "")
                    + ")"));
            log.takeUnattributed().forEach(line -> failures.add("error logged without a request id: " + line));
        }
        long writing = System.nanoTime();

        // Every acknowledged milestone and report is there; every acknowledged removal is gone.
        Set<String> milestoneIds = ids(admin, base + "/milestones");
        Set<String> reportIds = ids(admin, base + "/progress-reports");
        Set<String> removedForSure = new HashSet<>();
        for (Write w : writes) {
            if (w.acknowledged() && w.action() == Action.REMOVE_MILESTONE) {
                removedForSure.add(w.entityId());
            }
        }
        for (Write w : writes) {
            if (!w.acknowledged()) {
                continue;
            }
            if (w.action() == Action.ADD_MILESTONE) {
                boolean present = milestoneIds.contains(w.entityId());
                if (removedForSure.contains(w.entityId()) == present) {
                    failures.add("milestone " + w.entityId() + " created by " + w.requestId() + " is "
                            + (present ? "still there although its removal was acknowledged" : "missing"));
                }
            }
            if (w.action() == Action.FILE_REPORT && !reportIds.contains(w.entityId())) {
                failures.add("progress report " + w.entityId() + " filed by " + w.requestId() + " is missing");
            }
        }

        // Every acknowledged write has its audit event, found by the request id it was sent with.
        Map<String, List<Event>> events = auditEvents(auditor, region);
        int audited = 0;
        for (Write w : writes) {
            if (!w.acknowledged()) {
                continue;
            }
            List<Event> own = events.getOrDefault(w.requestId(), List.of());
            boolean found = own.stream()
                    .anyMatch(e -> e.entityType().equals(w.action().entityType)
                            && e.action().equals(w.action().auditAction)
                            && (w.entityId() == null || e.entityId().equals(w.entityId())));
            if (found) {
                audited++;
            } else {
                failures.add("acknowledged " + w.action() + " " + w.requestId() + " (" + w.status() + ", "
                        + w.entityId() + ") has no " + w.action().entityType + "/" + w.action().auditAction
                        + " audit event" + (own.isEmpty() ? "" : "; its events: " + own));
            }
        }

        JsonPath verify = given().auth()
                .oauth2(auditor)
                .get("/api/v1/audit-events/verify")
                .then()
                .extract()
                .jsonPath();
        if (!verify.getBoolean("valid")) {
            failures.add("audit chain not valid: first broken event " + verify.get("firstBrokenEventId") + " of "
                    + verify.get("checked") + " checked");
        }

        Map<String, Map<Integer, Integer>> table = new TreeMap<>();
        for (Write w : writes) {
            table.computeIfAbsent(w.action().name(), k -> new TreeMap<>()).merge(w.status(), 1, Integer::sum);
        }
        long acknowledged = writes.stream().filter(Write::acknowledged).count();
        StringBuilder summary = new StringBuilder();
        summary.append(String.format(
                "%n==== QuickWinConcurrencyTest: %d writers, %d writes in %.1f s (%d acknowledged, %d audited),"
                        + " total %.1f s ====%n",
                WRITERS, writes.size(), MILLIS / 1000.0, acknowledged, audited, (System.nanoTime() - began) / 1e9));
        table.forEach((action, statuses) -> summary.append(String.format("%-18s %s%n", action, statuses)));
        List<Long> sorted = latencies.stream().sorted().toList();
        if (!sorted.isEmpty()) {
            summary.append(String.format(
                    "latency ms: median %d, p90 %d, max %d%n",
                    sorted.get(sorted.size() / 2), sorted.get(sorted.size() * 9 / 10), sorted.get(sorted.size() - 1)));
        }
        summary.append("final status ")
                .append(status.get())
                .append(", milestones ")
                .append(milestoneIds.size())
                .append(", reports ")
                .append(reportIds.size())
                .append(", chain ")
                .append(verify.getBoolean("valid") ? "valid" : "BROKEN")
                .append(" (")
                .append(verify.getLong("checked"))
                .append(" events)")
                .append(String.format(", writing %.1f s%n", (writing - began) / 1e9));
        summary.append(failures.isEmpty() ? "no failures" : failures.size() + " failures:")
                .append('\n');
        failures.forEach(f -> summary.append("  ").append(f).append('\n'));
        System.out.println(summary);
        if (!failures.isEmpty()) {
            fail(failures.size() + " failures with " + WRITERS + " concurrent writers:\n"
                    + String.join("\n", failures));
        }
    }

    private static Action pick(Random random) {
        int p = random.nextInt(100);
        if (p < 20) {
            return Action.PATCH_QUICK_WIN;
        }
        if (p < 40) {
            return Action.ADD_MILESTONE;
        }
        if (p < 55) {
            return Action.CHANGE_MILESTONE;
        }
        if (p < 65) {
            return Action.REMOVE_MILESTONE;
        }
        if (p < 85) {
            return Action.FILE_REPORT;
        }
        return Action.TRANSITION;
    }

    private static Write write(
            Action action,
            String requestId,
            String token,
            String base,
            Random random,
            Set<String> milestones,
            Set<String> removed,
            AtomicReference<String> status) {
        switch (action) {
            case PATCH_QUICK_WIN -> {
                Response r = send(
                        token,
                        requestId,
                        "PATCH",
                        base,
                        "application/merge-patch+json",
                        Map.of("description", "Perubahan " + requestId));
                return new Write(action, requestId, r.statusCode(), null, error(r));
            }
            case ADD_MILESTONE -> {
                Response r = send(
                        token,
                        requestId,
                        "POST",
                        base + "/milestones",
                        "application/json",
                        Map.of(
                                "title", "Tahap " + requestId,
                                "weight", 1 + random.nextInt(3),
                                "dueDate", "2025-0" + (1 + random.nextInt(9)) + "-15"));
                String created = r.statusCode() == 201 ? r.path("id") : null;
                if (created != null) {
                    milestones.add(created);
                }
                return new Write(action, requestId, r.statusCode(), created, error(r));
            }
            case CHANGE_MILESTONE, REMOVE_MILESTONE -> {
                List<String> candidates = new ArrayList<>(milestones);
                candidates.removeAll(removed);
                if (candidates.isEmpty()) {
                    return write(Action.ADD_MILESTONE, requestId, token, base, random, milestones, removed, status);
                }
                String milestone = candidates.get(random.nextInt(candidates.size()));
                String path = base + "/milestones/" + milestone;
                if (action == Action.REMOVE_MILESTONE) {
                    Response r = send(token, requestId, "DELETE", path, null, null);
                    if (r.statusCode() == 204) {
                        removed.add(milestone);
                    }
                    return new Write(action, requestId, r.statusCode(), milestone, error(r));
                }
                // Every change changes something (the title names the request): a PATCH that
                // changes nothing is acknowledged without an audit event, by design, and two
                // writers did once set the same done date on one milestone.
                Map<String, Object> change = random.nextBoolean()
                        ? Map.of(
                                "done",
                                true,
                                "doneDate",
                                "2025-04-" + (10 + random.nextInt(18)),
                                "title",
                                "Selesai " + requestId)
                        : Map.of("title", "Diubah " + requestId);
                Response r = send(token, requestId, "PATCH", path, "application/merge-patch+json", change);
                return new Write(action, requestId, r.statusCode(), milestone, error(r));
            }
            case FILE_REPORT -> {
                Response r = send(
                        token,
                        requestId,
                        "POST",
                        base + "/progress-reports",
                        "application/json",
                        Map.of(
                                "reportDate", "2025-0" + (1 + random.nextInt(9)) + "-0" + (1 + random.nextInt(9)),
                                "percent", random.nextInt(101),
                                "narrative", "Laporan " + requestId));
                return new Write(
                        action, requestId, r.statusCode(), r.statusCode() == 201 ? r.path("id") : null, error(r));
            }
            default -> {
                String from = status.get();
                Map<String, Object> body = new LinkedHashMap<>();
                switch (from) {
                    case "PROPOSED" -> body.put("to", "APPROVED");
                    case "APPROVED" -> body.put("to", "IN_PROGRESS");
                    case "IN_PROGRESS" -> {
                        body.put("to", "ON_HOLD");
                        body.put("reason", "Menunggu anggaran " + requestId);
                    }
                    default -> {
                        body.put("to", "IN_PROGRESS");
                        body.put("reason", "Anggaran tersedia " + requestId);
                    }
                }
                Response r = send(token, requestId, "POST", base + "/transitions", "application/json", body);
                if (r.statusCode() == 200) {
                    status.set(r.path("status"));
                } else if (r.statusCode() == 409 && r.path("currentStatus") != null) {
                    status.set(r.path("currentStatus"));
                }
                return new Write(action, requestId, r.statusCode(), null, from + "→" + body.get("to") + " " + error(r));
            }
        }
    }

    private static Response send(
            String token, String requestId, String method, String path, String contentType, Object body) {
        var spec = given().config(TIMEOUTS).auth().oauth2(token).header("X-Request-Id", requestId);
        if (body != null) {
            spec = spec.contentType(contentType).body(body);
        }
        return spec.request(method, path);
    }

    private static String error(Response r) {
        return r.statusCode() >= 400 ? FuzzRequest.abbreviate(r.asString(), 300) : null;
    }

    /** Ids of every item of a paged list. */
    private static Set<String> ids(String token, String path) {
        Set<String> ids = new HashSet<>();
        for (int offset = 0; ; offset += 100) {
            JsonPath page = given().auth()
                    .oauth2(token)
                    .queryParam("limit", 100)
                    .queryParam("offset", offset)
                    .get(path)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<String> items = page.getList("items.id");
            ids.addAll(items);
            if (items.isEmpty() || offset + items.size() >= page.getInt("total")) {
                return ids;
            }
        }
    }

    /** The region's audit events by request id, every page. */
    private static Map<String, List<Event>> auditEvents(String auditor, String region) {
        Map<String, List<Event>> byRequest = new ConcurrentHashMap<>();
        String cursor = null;
        do {
            var spec = given().auth()
                    .oauth2(auditor)
                    .accept(ContentType.JSON)
                    .queryParam("regionCode", region)
                    .queryParam("limit", 100);
            if (cursor != null) {
                spec = spec.queryParam("cursor", cursor);
            }
            JsonPath page = spec.get("/api/v1/audit-events")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> e : items) {
                String requestId = String.valueOf(e.get("requestId"));
                byRequest
                        .computeIfAbsent(requestId, k -> new ArrayList<>())
                        .add(new Event(
                                requestId,
                                String.valueOf(e.get("entityType")),
                                String.valueOf(e.get("entityId")),
                                String.valueOf(e.get("action"))));
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return byRequest;
    }
}
