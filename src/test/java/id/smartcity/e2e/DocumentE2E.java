package id.smartcity.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.smartcity.stack.ManagedProcess;
import id.smartcity.stack.Ports;
import id.smartcity.stack.SmartCityStack;
import id.smartcity.stack.StackDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Documents on the packaged API with a 64 MB heap (issue #23): the walk-through of the docs (the
 * minutes of a Stage II FGD session uploaded, seen from the session, a range downloaded, verified,
 * its SHA-256 found in the audit trail), then 20 MB files uploaded as a raw body and as multipart
 * and downloaded whole. A body held in memory anywhere on the way would not fit in that heap
 * (with {@code ExitOnOutOfMemoryError} the API would die); the peak heap seen by the metrics is
 * printed, not asserted (figures come from {@code src/test/bench/documents.sh}).
 *
 * <p>The instance is this class's own (the shared Keycloak and database of the run, its own port).
 */
@ExtendWith(E2EStack.Resolver.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocumentE2E {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private static final String REGION = "33.03";
    /** The Governance FGD session of the demo: day one of Bimtek Stage II (DemoData). */
    private static final UUID SESSION = UUID.nameUUIDFromBytes("demo-fgd-GOVERNANCE".getBytes(StandardCharsets.UTF_8));

    private static final int MIB = 1024 * 1024;
    private static final Pattern HEAP_LINE =
            Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*}\\s+([0-9.eE+]+)$");

    private static SmartCityStack stack;
    private static Path work;
    private static ManagedProcess api;
    private static int port;

    @BeforeAll
    static void start(E2EStack e2e) throws IOException {
        stack = e2e.stack();
        work = e2e.work().resolve("documents");
        SmartCityStack.deleteTree(work);
        Files.createDirectories(work);
        StackDatabase db = e2e.database();
        port = Ports.free();
        api = stack.startApi(
                port,
                db.jdbcUrl(),
                db.user(),
                db.password(),
                Map.of("RATE_LIMIT_PER_MINUTE", "1000000"),
                List.of("-Xms64m", "-Xmx64m", "-XX:+UseSerialGC", "-Xlog:gc:file=" + work.resolve("gc.log")),
                Duration.ofSeconds(30),
                Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() throws IOException {
        if (api != null) {
            api.close();
        }
        SmartCityStack.deleteTree(work.resolve("files"));
    }

    @Test
    @Order(1)
    void theMinutesOfAStageTwoSessionAreKeptSeenRangedVerifiedAndInTheAuditTrail() throws Exception {
        String token = password("coordinator");
        Reply session = send(get("/regions/" + REGION + "/fgd-sessions/" + SESSION, token));
        assertEquals(200, session.status(), session.body());
        assertEquals(2, session.json().path("bimtekStage").asInt(), session.body());
        String documentsHref = session.json().path("documentsHref").asText();
        assertEquals(
                "/api/v1/regions/" + REGION + "/documents?ownerType=FGD_SESSION&ownerId=" + SESSION, documentsHref);

        byte[] pdf = pdf(300_000, 7);
        String boundary = "e2e-" + UUID.randomUUID();
        HttpRequest upload = HttpRequest.newBuilder(api("/regions/" + REGION + "/documents"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(fields(
                                boundary,
                                Map.of(
                                        "title", "Notulen FGD Tata Kelola",
                                        "kind", "MINUTES",
                                        "ownerType", "FGD_SESSION",
                                        "ownerId", SESSION.toString()))),
                        HttpRequest.BodyPublishers.ofString(filePartHeader(boundary, "notulen-tata-kelola.pdf")),
                        HttpRequest.BodyPublishers.ofByteArray(pdf),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                .timeout(Duration.ofSeconds(60))
                .build();
        Reply created = send(upload);
        assertEquals(201, created.status(), created.body());
        JsonNode doc = created.json();
        String sha256 = sha256(pdf);
        assertEquals(sha256, doc.path("sha256").asText());
        assertEquals("application/pdf", doc.path("mediaType").asText());
        assertEquals("notulen-tata-kelola.pdf", doc.path("fileName").asText());
        assertEquals("FGD_SESSION", doc.path("ownerType").asText());
        String id = doc.path("id").asText();

        // Seen from the session: its documentsHref lists the minutes.
        Reply listed = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + documentsHref))
                .header("Authorization", "Bearer " + token)
                .build());
        assertEquals(200, listed.status(), listed.body());
        assertTrue(listed.body().contains("\"id\":\"" + id + "\""), listed.body());

        // curl -r 0-99
        HttpResponse<byte[]> range = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                + doc.path("contentHref").asText()))
                        .header("Authorization", "Bearer " + token)
                        .header("Range", "bytes=0-99")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, range.statusCode());
        assertEquals(
                "bytes 0-99/" + pdf.length,
                range.headers().firstValue("Content-Range").orElse(null));
        assertEquals("\"" + sha256 + "\"", range.headers().firstValue("ETag").orElse(null));
        assertArrayEquals(Arrays.copyOf(pdf, 100), range.body());

        Reply verify = send(get("/regions/" + REGION + "/documents/" + id + "/verify", password("auditor")));
        assertEquals(200, verify.status(), verify.body());
        assertTrue(verify.json().path("intact").asBoolean(), verify.body());

        Reply audit = send(get("/audit-events?entityType=DOCUMENT&entityId=" + id, password("auditor")));
        assertEquals(200, audit.status(), audit.body());
        assertTrue(audit.body().contains(sha256), "the upload's audit event carries the SHA-256: " + audit.body());
    }

    @Test
    @Order(2)
    void twentyMegabytesGoInAndOutOfASixtyFourMegabyteHeap() throws Exception {
        String token = password("coordinator");
        Path files = Files.createDirectories(work.resolve("files"));
        HeapSampler heap = new HeapSampler();
        heap.start();
        try {
            for (String form : List.of("raw", "multipart")) {
                Path file = files.resolve("laporan-" + form + ".pdf");
                writePdf(file, 20 * MIB, form.hashCode());
                String sha256 = sha256(file);
                long t0 = System.nanoTime();
                Reply created = send(
                        form.equals("raw") ? rawUpload(token, file) : multipartUpload(token, file, boundaryFor(form)));
                long upload = System.nanoTime() - t0;
                assertEquals(201, created.status(), created.body());
                assertEquals(sha256, created.json().path("sha256").asText());
                assertEquals(Files.size(file), created.json().path("sizeBytes").asLong());
                String id = created.json().path("id").asText();

                Path back = files.resolve("back-" + form + ".pdf");
                t0 = System.nanoTime();
                HttpResponse<Path> download = HTTP.send(
                        get("/regions/" + REGION + "/documents/" + id + "/content", token),
                        HttpResponse.BodyHandlers.ofFile(back));
                long downloadNanos = System.nanoTime() - t0;
                assertEquals(200, download.statusCode());
                assertEquals(
                        Long.toString(Files.size(file)),
                        download.headers().firstValue("Content-Length").orElse(null));
                assertEquals(sha256, sha256(back));

                // A range in the middle, across a 1 MiB chunk border: the exact bytes.
                long first = 7L * MIB - 10;
                HttpResponse<byte[]> range = HTTP.send(
                        HttpRequest.newBuilder(api("/regions/" + REGION + "/documents/" + id + "/content"))
                                .header("Authorization", "Bearer " + token)
                                .header("Range", "bytes=" + first + "-" + (first + 99))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(206, range.statusCode());
                assertArrayEquals(slice(file, first, 100), range.body());

                Reply verify = send(get("/regions/" + REGION + "/documents/" + id + "/verify", token));
                assertTrue(verify.json().path("intact").asBoolean(), verify.body());
                assertEquals(
                        Files.size(file), verify.json().path("storedSizeBytes").asLong(), verify.body());

                System.out.printf(
                        "[documents] %s 20 MiB with -Xmx64m: upload %.1f MiB/s, download %.1f MiB/s, peak heap so far %d MiB%n",
                        form, 20 / (upload / 1e9), 20 / (downloadNanos / 1e9), heap.peak() / MIB);
                Files.delete(back);
            }
        } finally {
            heap.stop();
        }
        assertTrue(api.isAlive(), "the API ran out of memory or died:\n" + api.tail(40));
        assertTrue(heap.samples() > 0, "no heap sample was read from /q/metrics");
    }

    // --- requests ---------------------------------------------------------------------------------

    private static HttpRequest rawUpload(String token, Path file) throws IOException {
        String query = "title=" + enc("Laporan kemajuan") + "&kind=REPORT";
        return HttpRequest.newBuilder(api("/regions/" + REGION + "/documents?" + query))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"")
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .timeout(Duration.ofMinutes(2))
                .build();
    }

    private static HttpRequest multipartUpload(String token, Path file, String boundary) throws IOException {
        return HttpRequest.newBuilder(api("/regions/" + REGION + "/documents"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(
                                fields(boundary, Map.of("title", "Laporan kemajuan", "kind", "REPORT"))),
                        HttpRequest.BodyPublishers.ofString(
                                filePartHeader(boundary, file.getFileName().toString())),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                .timeout(Duration.ofMinutes(2))
                .build();
    }

    private static String boundaryFor(String form) {
        return "e2e-" + form + "-" + UUID.randomUUID();
    }

    private static String fields(String boundary, Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((name, value) -> b.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
        return b.toString();
    }

    private static String filePartHeader(String boundary, String fileName) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n";
    }

    private static HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(api(path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(1))
                .build();
    }

    private static URI api(String path) {
        return URI.create("http://localhost:" + port + "/api/v1" + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private static Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    private static String password(String user) throws IOException, InterruptedException {
        return stack.passwordToken(user);
    }

    // --- files ------------------------------------------------------------------------------------

    /** A PDF as Tika types it (the signature, then any bytes, then the trailer), of about {@code size} bytes. */
    private static byte[] pdf(int size, long seed) {
        byte[] body = new byte[size];
        new Random(seed).nextBytes(body);
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, size - tail.length, tail.length);
        return body;
    }

    private static void writePdf(Path file, int size, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] block = new byte[MIB];
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
            out.write(head);
            long left = size - head.length - 7;
            while (left > 0) {
                random.nextBytes(block);
                int n = (int) Math.min(block.length, left);
                out.write(block, 0, n);
                left -= n;
            }
            out.write("\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static byte[] slice(Path file, long first, int length) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(first);
            return in.readNBytes(length);
        }
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Reads the heap in use from the API's Prometheus metrics every 100 ms, keeping the peak. */
    private static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong samples = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread = new Thread(this::run, "heap-sampler");

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(5_000);
        }

        long peak() {
            return peak.get();
        }

        long samples() {
            return samples.get();
        }

        private void run() {
            HttpRequest metrics = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/metrics"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            while (running.get()) {
                try {
                    String body = HTTP.send(metrics, HttpResponse.BodyHandlers.ofString())
                            .body();
                    Matcher m = HEAP_LINE.matcher(body);
                    long used = 0;
                    boolean any = false;
                    while (m.find()) {
                        used += (long) Double.parseDouble(m.group(1));
                        any = true;
                    }
                    if (any) {
                        samples.incrementAndGet();
                        peak.accumulateAndGet(used, Math::max);
                    }
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    // a sample missed; the next one counts
                }
            }
        }
    }
}
