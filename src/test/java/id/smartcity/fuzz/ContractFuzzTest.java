package id.smartcity.fuzz;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.smartcity.platform.security.Roles;
import id.smartcity.testsupport.Db;
import id.smartcity.testsupport.Tokens;
import id.smartcity.testsupport.contract.InvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property-based fuzzing driven by the contract {@code openapi/openapi.yaml}: thousands of requests
 * generated from its operations, parameters and schemas, valid and invalid, by every role and by
 * callers who are no one, against real data created through the API. Every answer must be a status
 * the operation declares, never a 5xx (a 503 with Retry-After is tolerated), and every error an
 * {@code application/problem+json} whose {@code status} is the HTTP status; a refused write must
 * leave no audit event. All failures are collected, grouped by operation and cause, printed as a
 * table, and fail the test at the end.
 *
 * <p>The requests: a systematic part — every operation with every kind of caller (otherwise valid),
 * every kind of fault once per operation (each path parameter foreign and invalid, query faults,
 * header faults, every body mutation, the main byte-level ones, Content-Type, idempotent replays),
 * CSV for every caller where CSV is produced — then random ones, one fault at a time or several, up
 * to {@code -Dfuzz.requests=N} (default {@value #DEFAULT_REQUESTS}; the systematic part is always
 * sent). Values come from a {@link Random} seeded with {@code -Dfuzz.seed=N} (default {@value
 * #DEFAULT_SEED}); the ids the service assigns differ from run to run, so a run repeats closely,
 * not byte for byte. A profile of its own gives it a database of its own. The table goes to stdout
 * and {@code target/contract-fuzz-report.txt}, every request with its status to {@code
 * target/contract-fuzz-requests.txt}.
 */
@QuarkusTest
@TestProfile(FuzzProfile.class)
@InvalidRequests
class ContractFuzzTest {

    static final long DEFAULT_SEED = 20240711L;
    static final int DEFAULT_REQUESTS = 2400;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Callers every operation is tried with at least once, with an otherwise valid request. */
    private static final List<String> COVERAGE_CALLERS = List.of(
            "admin",
            "coordinator@" + World.OWN,
            "contributor@" + World.OWN,
            "viewer@" + World.OWN,
            "auditor@" + World.OWN,
            "auditor(no region claim)",
            "coordinator@other-region",
            "service-account(coordinator@" + World.OWN + ")",
            "no-role@" + World.OWN,
            "anonymous");

    /** A request to make: a fault chosen by the sweep, none (valid), or null for a random one. */
    private record Job(Contract.Operation op, World.Caller caller, Requests.Fault fault) {}

    private final RestAssuredConfig config = RestAssured.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false))
            .redirect(RedirectConfig.redirectConfig().followRedirects(false))
            .httpClient(HttpClientConfig.httpClientConfig()
                    .reuseHttpClientInstance()
                    .setParam("http.socket.timeout", 30_000)
                    .setParam("http.connection.timeout", 10_000));

    @Test
    void everyOperationAnswersGeneratedRequestsAsTheContractSays() throws Exception {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int wanted = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
        long start = System.nanoTime();

        Contract contract = Contract.load();
        World world = new World();
        world.setUp();
        long setUp = System.nanoTime();

        Random random = new Random(seed);
        Values values = new Values(random, contract);
        Requests requests = new Requests(random, values, world, seed);
        Findings findings = new Findings();
        contract.operations().forEach(findings::register);
        List<Job> jobs = schedule(contract, world, random, wanted);

        try (LogCapture log = new LogCapture();
                Connection db = Db.connect()) {
            int n = 0;
            for (Job job : jobs) {
                FuzzRequest request;
                try {
                    request = requests.build(job.op(), job.caller(), job.fault());
                } catch (RuntimeException e) {
                    findings.fail(job.op().id(), "fuzzer", "could not build a request: " + e, job.toString(), null);
                    continue;
                }
                run(request, world, findings, log, db);
                if (++n % 300 == 0) {
                    // A token of its own each time: a run can outlast one (300 s) on a loaded machine.
                    world.refreshAudit(
                            Tokens.user("fuzz-admin").roles(Roles.ADMIN).sign());
                }
            }
        }
        long end = System.nanoTime();

        String title = String.format(
                "ContractFuzzTest: %d requests over %d operations, seed %d, set-up %.1f s, fuzzing %.1f s",
                findings.requests, contract.operations().size(), seed, (setUp - start) / 1e9, (end - setUp) / 1e9);
        List<String> uncovered = findings.operations().entrySet().stream()
                .filter(e -> !e.getValue().label.startsWith("GET") && e.getValue().refusedWritesAuditChecked == 0)
                .map(Map.Entry::getKey)
                .toList();
        if (!uncovered.isEmpty()) {
            findings.fail(
                    "(run)",
                    "coverage",
                    "no refused write was audit-checked for " + uncovered,
                    "raise -Dfuzz.requests",
                    null);
        }
        String summary = findings.summary(title);
        System.out.println(summary);
        write(summary);
        if (!findings.isEmpty()) {
            fail(findings.groups().stream().mapToInt(g -> g.count).sum() + " failures in "
                    + findings.groups().size() + " groups (seed " + seed + ", " + findings.requests + " requests):\n"
                    + findings.failures());
        }
    }

    /**
     * One valid request per operation and coverage caller; the sweep of every fault kind per
     * operation; then random requests up to the number wanted; all shuffled together.
     */
    private static List<Job> schedule(Contract contract, World world, Random random, int wanted) {
        List<Job> jobs = new ArrayList<>();
        List<World.Caller> garbage = world.callers.stream()
                .filter(c -> c.label.startsWith("garbage:"))
                .toList();
        World.Caller admin = world.caller("admin");
        int g = 0;
        for (Contract.Operation op : contract.operations()) {
            for (String label : COVERAGE_CALLERS) {
                jobs.add(new Job(op, world.caller(label), Requests.Fault.NONE));
            }
            jobs.add(new Job(op, garbage.get(g++ % garbage.size()), Requests.Fault.NONE));
            for (Requests.Fault fault : Requests.sweep(op)) {
                jobs.add(new Job(op, admin, fault));
            }
            if (op.produces().contains("text/csv")) {
                for (String label : COVERAGE_CALLERS) {
                    jobs.add(new Job(op, world.caller(label), new Requests.Fault(Requests.Focus.CSV, -1)));
                }
            }
        }
        int systematic = jobs.size();
        double totalWeight = world.callers.stream().mapToDouble(c -> c.weight).sum();
        List<Contract.Operation> ops = contract.operations();
        while (jobs.size() < wanted) {
            Contract.Operation op = ops.get(random.nextInt(ops.size()));
            double pick = random.nextDouble() * totalWeight;
            World.Caller caller = world.callers.get(world.callers.size() - 1);
            for (World.Caller c : world.callers) {
                pick -= c.weight;
                if (pick <= 0) {
                    caller = c;
                    break;
                }
            }
            jobs.add(new Job(op, caller, random.nextDouble() < 0.12 ? Requests.Fault.NONE : null));
        }
        System.out.println("[fuzz] " + jobs.size() + " requests: " + systematic
                + " systematic (every operation with every kind of caller, every fault kind, CSV) and "
                + (jobs.size() - systematic) + " random");
        Collections.shuffle(jobs, random);
        return jobs;
    }

    private Response send(FuzzRequest r) {
        RequestSpecification spec = given().config(config).urlEncodingEnabled(false);
        String authorization = r.caller.authorization();
        if (authorization != null) {
            spec.header("Authorization", authorization);
        }
        if (!r.headers.containsKey("X-Request-Id")) {
            spec.header("X-Request-Id", r.requestId);
        }
        r.headers.forEach((name, value) -> spec.header(name, value));
        if (r.body != null) {
            if (r.contentType != null) {
                spec.contentType(r.contentType);
            }
            spec.body(r.body);
        }
        return spec.request(r.op.method(), r.target());
    }

    /** One line per request (status, operation, request): written next to the report. */
    private final List<String> trace = new ArrayList<>();

    private void run(FuzzRequest r, World world, Findings findings, LogCapture log, Connection db) throws SQLException {
        String op = r.op.id();
        String trigger = r.notes.isEmpty() ? "valid request as " + r.caller.label : String.join("; ", r.notes);
        long before = r.op.isWrite() ? auditEvents(db) : -1;
        Response response;
        long sent = System.nanoTime();
        try {
            response = send(r);
        } catch (AssertionError e) {
            // A filter (the contract filter) refused the response.
            findings.sent(r.op, r.caller.label, 0, System.nanoTime() - sent);
            findings.fail(op, "contract", firstLine(e.getMessage()), r.describe(), trigger);
            log.take(r.requestId);
            log.takeUnattributed();
            return;
        } catch (RuntimeException e) {
            findings.sent(r.op, r.caller.label, 0, System.nanoTime() - sent);
            List<String> logged = new ArrayList<>(log.take(r.requestId));
            logged.addAll(log.takeUnattributed());
            findings.fail(
                    op,
                    "transport",
                    e.getClass().getSimpleName() + ": " + firstLine(e.getMessage())
                            + (logged.isEmpty() ? "" : " — logged: " + logged.get(0)),
                    r.describe(),
                    trigger);
            return;
        }
        int status = response.statusCode();
        findings.sent(r.op, r.caller.label, status, System.nanoTime() - sent);
        trace.add(status + " " + op + " " + r.describe());
        String requestId = response.header("X-Request-Id") != null ? response.header("X-Request-Id") : r.requestId;
        List<String> logged = new ArrayList<>(log.take(requestId));
        logged.addAll(log.takeUnattributed());
        String contentType = response.contentType() == null ? "" : response.contentType();
        byte[] bytes = response.asByteArray();
        String example =
                r.describe() + " → " + status + " " + FuzzRequest.abbreviate(FuzzRequest.printable(bytes), 240);

        if (status >= 500) {
            if (status == 503 && response.header("Retry-After") != null) {
                findings.retryableUnavailable++;
            } else {
                findings.fail(
                        op,
                        "5xx",
                        "HTTP " + status + ": " + (logged.isEmpty() ? "(no error logged)" : logged.get(0)),
                        example,
                        trigger);
            }
        }
        if (status < 500 && !logged.isEmpty()) {
            findings.fail(
                    op,
                    "error logged",
                    "HTTP " + status + " but the service logged: " + logged.get(0),
                    example,
                    trigger);
        }
        if (!r.op.statuses().contains(status)) {
            findings.fail(
                    op, "undeclared status", "HTTP " + status + problemType(contentType, bytes), example, trigger);
        }
        if (status >= 400) {
            if (!contentType.toLowerCase().startsWith("application/problem+json")) {
                findings.fail(
                        op,
                        "non-problem error body",
                        "HTTP " + status + " with Content-Type '" + contentType + "'",
                        example,
                        trigger);
            } else {
                JsonNode problem = parse(bytes);
                if (problem == null || !problem.isObject()) {
                    findings.fail(
                            op, "problem body", "HTTP " + status + ": body is not a JSON object", example, trigger);
                } else if (!problem.path("status").isInt()
                        || problem.get("status").asInt() != status) {
                    findings.fail(
                            op,
                            "problem body",
                            "HTTP " + status + " but problem status " + problem.path("status"),
                            example,
                            trigger);
                }
            }
        }
        if (r.op.isWrite() && status >= 200 && status < 300) {
            // Not a failure either way (a replay or a change to nothing adds none), but it shows the count works.
            findings.acknowledgedWrite(
                    r.op, auditEvents(db) > before, "true".equals(response.header("Idempotent-Replayed")));
        }
        if (r.op.isWrite() && status >= 400) {
            long after = auditEvents(db);
            findings.auditChecked(r.op);
            if (after != before) {
                findings.fail(
                        op,
                        "audit event after refused write",
                        "HTTP " + status + " left " + (after - before) + " new audit event(s)",
                        example,
                        trigger);
            }
        }
        learn(r, response, status, bytes, world);
    }

    /** Keeps the world up to date: ids created and deleted, entity tags, cursors. */
    @SuppressWarnings("unchecked")
    private static void learn(FuzzRequest r, Response response, int status, byte[] bytes, World world) {
        if (status >= 300) {
            return;
        }
        String etag = response.header("ETag");
        JsonNode body = parse(bytes);
        String method = r.op.method();
        if (method.equals("POST") && status == 201 && body != null) {
            if (r.op.id().equals("createFrameworkVersion")) {
                String code = body.path("code").asText();
                int version = body.path("version").asInt();
                world.add(World.API + "/assessment-frameworks", code);
                world.add(World.API + "/assessment-frameworks/" + code + "/versions", Integer.toString(version));
                world.frameworks.merge(code, version, Math::max);
            } else if (body.hasNonNull("id")) {
                String id = body.get("id").asText();
                world.add(r.rawPath, id);
                if (etag != null) {
                    world.etag(r.rawPath + "/" + id, etag);
                }
                if (r.op.id().equals("createFgdSession")) {
                    world.sessionDimension.put(id, body.path("dimension").asText());
                }
                if (r.op.id().equals("createReadinessAssessment")) {
                    world.indicatorCodes.forEach(c -> world.add(r.rawPath + "/" + id + "/scores", c));
                }
            }
            return;
        }
        if (etag != null) {
            world.etag(r.rawPath, etag);
        }
        if (r.op.id().equals("inviteFgdParticipants") && r.bodyValue instanceof Map<?, ?> invite) {
            Object ids = ((Map<String, Object>) invite).get("stakeholderIds");
            if (ids instanceof List<?> list) {
                list.forEach(id -> world.add(r.rawPath, String.valueOf(id)));
            }
        }
        if (method.equals("DELETE") && status == 204) {
            int slash = r.rawPath.lastIndexOf('/');
            world.remove(r.rawPath.substring(0, slash), r.rawPath.substring(slash + 1));
        }
        if (r.op.id().equals("listAuditEvents") && body != null && body.hasNonNull("nextCursor")) {
            String cursor = body.get("nextCursor").asText();
            if (!world.cursors.contains(cursor) && world.cursors.size() < 50) {
                world.cursors.add(cursor);
            }
        }
    }

    private static long auditEvents(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static JsonNode parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    private static String problemType(String contentType, byte[] bytes) {
        if (!contentType.startsWith("application/problem+json")) {
            return "";
        }
        JsonNode problem = parse(bytes);
        return problem == null ? "" : " (" + problem.path("type").asText() + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return LogCapture.normalise(line.length() > 240 ? line.substring(0, 240) + "…" : line);
    }

    private void write(String summary) {
        try {
            Path out = Path.of("target", "contract-fuzz-report.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, summary, StandardCharsets.UTF_8);
            Files.write(Path.of("target", "contract-fuzz-requests.txt"), trace, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("[fuzz] could not write the report: " + e.getMessage());
        }
    }
}
