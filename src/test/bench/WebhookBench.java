// The load and the receiver of webhooks.sh, one source file run by `java WebhookBench.java MODE ...`
// (JDK only, no build):
//   receive PORT                            a webhook receiver on 127.0.0.1:PORT (paths /hook/*); GET /stats
//                                           answers "<receipts> <distinct per path>", GET
//                                           /latency?since=MS&expected=N "<n> <p50> <p99> <max>" in ms from each
//                                           event's occurredAt to its first receipt (events that occurred at or
//                                           after MS, epoch ms; of N expected), POST /reset forgets
//   paced URL TOKEN RATE SECONDS THREADS    POSTs a stakeholder to URL at RATE per second for SECONDS; prints
//                                           "<acknowledged> <failed> <p50 ms> <p99 ms>" (the write's round trip)
//   flood URL TOKEN SECONDS THREADS         as many POSTs as THREADS can make in SECONDS; prints
//                                           "<acknowledged per second> <failed>"
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class WebhookBench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "receive" -> receive(Integer.parseInt(args[1]));
            case "paced" -> paced(args[1], args[2], Double.parseDouble(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]));
            case "flood" -> flood(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    // --- receiver ---------------------------------------------------------------------------------

    record Receipt(String path, String id, long occurredMicros, long receivedMicros) {}

    private static final Pattern OCCURRED = Pattern.compile("\"occurredAt\":\"([^\"]+)\"");
    private static final List<Receipt> RECEIPTS = Collections.synchronizedList(new ArrayList<>());

    static void receive(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/hook/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            long received = micros(Instant.now());
            Matcher m = OCCURRED.matcher(new String(body, StandardCharsets.UTF_8));
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            if (m.find() && id != null) {
                RECEIPTS.add(new Receipt(exchange.getRequestURI().getPath(), id, micros(Instant.parse(m.group(1))),
                        received));
            }
            answer(exchange, 200, "ok");
        });
        server.createContext("/stats", exchange -> {
            List<Receipt> all = snapshot();
            Set<String> distinct = new HashSet<>();
            all.forEach(r -> distinct.add(r.path() + " " + r.id()));
            answer(exchange, 200, all.size() + " " + distinct.size() + "\n");
        });
        server.createContext("/latency", exchange -> {
            // since=MS: events that occurred at or after MS (epoch ms); expected=N: how many first
            // receipts there should be. Those not received count as slower than any received, so a
            // percentile that falls among them is printed as "undelivered".
            Map<String, String> q = new HashMap<>();
            String query = exchange.getRequestURI().getQuery();
            for (String kv : query == null ? new String[0] : query.split("&")) {
                int eq = kv.indexOf('=');
                q.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
            long since = Long.parseLong(q.getOrDefault("since", "0")) * 1000;
            Set<String> seen = new HashSet<>();
            List<Long> ms = new ArrayList<>();
            for (Receipt r : snapshot()) {
                if (r.occurredMicros() >= since && seen.add(r.path() + " " + r.id())) {
                    ms.add(r.receivedMicros() - r.occurredMicros());
                }
            }
            Collections.sort(ms);
            int expected = Math.max(ms.size(), Integer.parseInt(q.getOrDefault("expected", "0")));
            answer(exchange, 200, ms.isEmpty() ? "0 - - -\n" : ms.size() + " " + pct(ms, expected, 0.50) + " "
                    + pct(ms, expected, 0.99) + " " + String.format("%.1f", ms.get(ms.size() - 1) / 1000.0) + "\n");
        });
        server.createContext("/reset", exchange -> {
            RECEIPTS.clear();
            answer(exchange, 200, "ok");
        });
        server.start();
    }

    private static List<Receipt> snapshot() {
        synchronized (RECEIPTS) {
            return new ArrayList<>(RECEIPTS);
        }
    }

    private static String pct(List<Long> sortedMicros, double p) {
        return pct(sortedMicros, sortedMicros.size(), p);
    }

    /** The p-th of {@code of} values, of which only the sorted ones were observed (the rest above them). */
    private static String pct(List<Long> sortedMicros, int of, double p) {
        int i = Math.max(0, (int) Math.ceil(of * p) - 1);
        return i < sortedMicros.size() ? String.format("%.1f", sortedMicros.get(i) / 1000.0) : "undelivered";
    }

    private static long micros(Instant i) {
        return i.getEpochSecond() * 1_000_000 + i.getNano() / 1000;
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, b.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(b);
        }
    }

    // --- writers ----------------------------------------------------------------------------------

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private static final AtomicLong SEQ = new AtomicLong();

    /** One stakeholder creation; answers the round trip in µs, or -1 when it was not a 201. */
    private static long write(String url, String token) {
        String body = "{\"name\":\"Pemangku Kait " + RUN + "-" + SEQ.incrementAndGet()
                + "\",\"kind\":\"BUSINESS\",\"memberships\":[]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<Void> r = CLIENT.send(request, HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 201 ? (System.nanoTime() - start) / 1000 : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static void paced(String url, String token, double rate, int seconds, int threads) throws Exception {
        int total = (int) Math.round(rate * seconds);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    // The i-th write is due at start + i / rate; a late thread sends at once.
                    long due = start + (long) (i * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        try {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    long us = write(url, token);
                    if (us < 0) {
                        failed.incrementAndGet();
                    } else {
                        times.add(us);
                    }
                }
            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        System.out.println(sorted.size() + " " + failed.get() + " "
                + (sorted.isEmpty() ? "- -" : pct(sorted, 0.50) + " " + pct(sorted, 0.99)));
    }

    static void flood(String url, String token, int seconds, int threads) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                while (System.nanoTime() < end) {
                    if (write(url, token) < 0) {
                        failed.incrementAndGet();
                    } else {
                        ok.incrementAndGet();
                    }
                }
            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        double took = (System.nanoTime() - start) / 1e9;
        System.out.printf("%.1f %d%n", ok.get() / took, failed.get());
    }
}
