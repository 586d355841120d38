package id.smartcity.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A receiver is someone else's server (issue #20, item 4): whatever it does, one attempt ends by
 * its deadline, reads at most 4 KiB and follows no redirect. The sender's deadline is shortened to
 * 1 s here; the receivers below would hold it for 20 s.
 */
class WebhookSenderBoundsTest {

    private static final Duration TOTAL = Duration.ofSeconds(1);
    /** Far below the receivers' 20 s, well above the deadline: a loaded machine's margin. */
    private static final long BOUND_MS = 6_000;

    private HttpServer server;
    private ExecutorService threads;
    private WebhookSender sender;
    private final AtomicInteger redirectedTo = new AtomicInteger();
    private final AtomicLong bytesSent = new AtomicLong();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        // 200 at once, then the body one byte every 100 ms for 20 s.
        server.createContext("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 200; i++) {
                    out.write('x');
                    out.flush();
                    sleep(100);
                }
            } catch (IOException cutOff) {
                // The sender hung up: what is wanted.
            }
        });
        // 200 and a body of 8 MiB, as fast as the socket takes it.
        server.createContext("/large", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 128; i++) {
                    out.write(chunk);
                    bytesSent.addAndGet(chunk.length);
                }
            } catch (IOException cutOff) {
                // The sender hung up.
            }
        });
        // No answer for 20 s.
        server.createContext("/silent", exchange -> {
            sleep(20_000);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", "/elsewhere");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        server.createContext("/elsewhere", exchange -> {
            redirectedTo.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();

        sender = new WebhookSender();
        sender.targets = new WebhookTargets(Set.of("127.0.0.1"));
        sender.telemetry = OpenTelemetry.noop();
        sender.tracer = OpenTelemetry.noop().getTracer("test");
        sender.total = TOTAL;
    }

    @AfterEach
    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    private WebhookSender.Result send(String path) {
        return sender.send(
                UUID.randomUUID(),
                "http://127.0.0.1:" + server.getAddress().getPort() + path,
                "evt_1",
                "{\"type\":\"webhook.ping\"}",
                List.of(WebhookSigner.newSecret()));
    }

    @Test
    void aReceiverThatTricklesItsBodyIsCutOffAtTheDeadlineAndItsStatusStands() {
        WebhookSender.Result r = send("/trickle");
        assertEquals(200, r.statusCode());
        assertTrue(r.success());
        assertTrue(r.durationMs() >= TOTAL.toMillis() - 100, "read until the deadline: " + r.durationMs() + " ms");
        assertTrue(r.durationMs() < BOUND_MS, "cut off at the deadline, not after 20 s: " + r.durationMs() + " ms");
    }

    @Test
    void aReceiverThatNeverAnswersTimesOut() {
        WebhookSender.Result r = send("/silent");
        assertNull(r.statusCode());
        assertFalse(r.success());
        assertEquals("timed out", r.error());
        assertTrue(r.durationMs() < BOUND_MS, r.durationMs() + " ms");
    }

    @Test
    void aLargeAnswerIsNotReadToItsEnd() throws InterruptedException {
        WebhookSender.Result r = send("/large");
        assertEquals(200, r.statusCode());
        assertTrue(r.durationMs() < BOUND_MS, r.durationMs() + " ms");
        Thread.sleep(500);
        // The receiver got as far as the socket buffers let it before the sender hung up, not 8 MiB.
        assertTrue(bytesSent.get() < 8L * 1024 * 1024, bytesSent.get() + " bytes written");
    }

    @Test
    void aRedirectIsAnAnswerNotAWayElsewhere() {
        WebhookSender.Result r = send("/redirect");
        assertEquals(307, r.statusCode());
        assertFalse(r.success(), "a 3xx is not a delivery");
        assertEquals("the receiver answered 307", r.error());
        assertEquals(0, redirectedTo.get(), "the Location was not followed");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
