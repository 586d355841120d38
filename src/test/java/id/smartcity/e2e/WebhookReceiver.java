package id.smartcity.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver for the fault tests, on a loopback port: one path per subscription ({@code
 * /hook/<name>}), every delivery verified with {@code com.standardwebhooks} against that
 * subscription's secret, answered 200 (or 500 while the secret is not known yet). It serves
 * requests on many threads, so two deliveries to one subscription at once would overlap here: it
 * counts the requests in flight per subscription (from arrival until just before the answer is
 * written, so an overlap it sees is real) and keeps the highest count.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One delivery received: the event id, when it arrived, the event's occurredAt. */
    record Receipt(String eventId, Instant receivedAt, Instant occurredAt) {}

    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, List<Receipt>> receipts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> maxInFlight = new ConcurrentHashMap<>();
    final AtomicInteger badSignatures = new AtomicInteger();
    final AtomicInteger malformed = new AtomicInteger();
    /** How long each request is held before its answer (widens the window for an overlap). */
    volatile int holdMillis;

    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "webhook-receiver");
        t.setDaemon(true);
        return t;
    });
    private HttpServer server;
    private int port;

    /** Starts on a free loopback port. */
    WebhookReceiver() throws IOException {
        start(0);
    }

    String url(String subscription) {
        return "http://127.0.0.1:" + port + "/hook/" + subscription;
    }

    void secret(String subscription, String secret) {
        secrets.put(subscription, secret);
    }

    /** The event ids received for the subscription, in arrival order (with any repeated). */
    List<String> ids(String subscription) {
        return receipts(subscription).stream().map(Receipt::eventId).toList();
    }

    List<Receipt> receipts(String subscription) {
        List<Receipt> list = receipts.get(subscription);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return new ArrayList<>(list);
        }
    }

    int maxInFlight(String subscription) {
        AtomicInteger max = maxInFlight.get(subscription);
        return max == null ? 0 : max.get();
    }

    /** Stops listening: deliveries now find the connection refused. */
    synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listens again on the same port. */
    synchronized void up() throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                start(port);
                return;
            } catch (BindException e) {
                if (attempt >= 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private synchronized void start(int on) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), on), 64);
        s.setExecutor(threads);
        s.createContext("/hook/", this::handle);
        s.start();
        server = s;
        port = s.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String subscription = exchange.getRequestURI().getPath().substring("/hook/".length());
        AtomicInteger current = inFlight.computeIfAbsent(subscription, k -> new AtomicInteger());
        int now = current.incrementAndGet();
        maxInFlight.computeIfAbsent(subscription, k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        int status;
        try {
            byte[] raw;
            try (InputStream in = exchange.getRequestBody()) {
                raw = in.readAllBytes();
            }
            Instant received = Instant.now();
            String body = new String(raw, StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            status = receive(subscription, body, headers, received);
            int hold = holdMillis;
            if (hold > 0) {
                Thread.sleep(hold);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 500;
        } catch (RuntimeException e) {
            malformed.incrementAndGet();
            status = 500;
        } finally {
            // Before the answer: the next delivery may only start once this one has its answer.
            current.decrementAndGet();
        }
        byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    private int receive(String subscription, String body, Map<String, List<String>> headers, Instant received) {
        String secret = secrets.get(subscription);
        if (secret == null) {
            return 500;
        }
        try {
            new Webhook(secret).verify(body, headers);
        } catch (Exception e) {
            badSignatures.incrementAndGet();
            return 400;
        }
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (IOException e) {
            malformed.incrementAndGet();
            return 400;
        }
        String id = headers.get("webhook-id").get(0);
        if (!id.equals(event.path("id").asText())) {
            malformed.incrementAndGet();
            return 400;
        }
        List<Receipt> list =
                receipts.computeIfAbsent(subscription, k -> Collections.synchronizedList(new ArrayList<>()));
        list.add(
                new Receipt(id, received, Instant.parse(event.path("occurredAt").asText())));
        return 200;
    }

    @Override
    public void close() {
        down();
        threads.shutdownNow();
    }

    /** Counts of one or more subscriptions: what the feed holds against what arrived. */
    record Tally(int sent, int delivered, int duplicated, int lost, int unexpected, int outOfOrder) {
        Tally plus(Tally o) {
            return new Tally(
                    sent + o.sent,
                    delivered + o.delivered,
                    duplicated + o.duplicated,
                    lost + o.lost,
                    unexpected + o.unexpected,
                    outOfOrder + o.outOfOrder);
        }

        static Tally of(List<String> expected, List<String> received) {
            Set<String> wanted = new HashSet<>(expected);
            Set<String> seen = new HashSet<>();
            List<String> firsts = new ArrayList<>();
            int duplicated = 0;
            int unexpected = 0;
            for (String id : received) {
                if (!wanted.contains(id)) {
                    unexpected++;
                } else if (seen.add(id)) {
                    firsts.add(id);
                } else {
                    duplicated++;
                }
            }
            // In order: each event first arrived after every event before it in the feed.
            int outOfOrder = 0;
            Map<String, Integer> rank = new HashMap<>();
            for (int i = 0; i < expected.size(); i++) {
                rank.put(expected.get(i), i);
            }
            int highest = -1;
            for (String id : firsts) {
                int r = rank.get(id);
                if (r < highest) {
                    outOfOrder++;
                }
                highest = Math.max(highest, r);
            }
            int delivered = seen.size();
            return new Tally(
                    expected.size(), delivered, duplicated, expected.size() - delivered, unexpected, outOfOrder);
        }

        String line() {
            return "sent=" + sent + " delivered=" + delivered + " duplicated=" + duplicated + " lost=" + lost;
        }
    }
}
