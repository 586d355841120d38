package id.smartcity.webhooks;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends one signed delivery: the target is checked again first (against what its name resolves
 * to now), redirects are never followed, and at most 4 KiB of the answer is read. One attempt
 * takes at most {@link #REQUEST_TIMEOUT} in all — connecting ({@link #CONNECT_TIMEOUT}), the
 * answer's headers and the part of its body that is read — however slowly the receiver answers.
 *
 * <p>Each attempt is a {@value #SPAN} span (a child of the request's span for a test delivery, a
 * trace of its own from the worker), and the receiver gets its {@code traceparent}. The span says
 * which subscription and event, and the status the receiver answered: never the target URL (it may
 * carry a token), the body, a secret or the signature.
 */
@ApplicationScoped
public class WebhookSender {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_BODY = 4096;

    static final String SPAN = "webhook.deliver";
    static final AttributeKey<String> SUBSCRIPTION_ID = AttributeKey.stringKey("smartcity.webhook.subscription_id");
    static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("smartcity.webhook.event_id");
    static final AttributeKey<Long> STATUS_CODE = AttributeKey.longKey("http.response.status_code");

    @Inject
    WebhookTargets targets;

    @Inject
    Tracer tracer;

    @Inject
    OpenTelemetry telemetry;

    /** Closes the answers of receivers still sending at their attempt's deadline. */
    private static final ScheduledExecutorService CUT_OFF = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "webhook-cut-off");
        t.setDaemon(true);
        return t;
    });

    /** How long one attempt may take in all ({@link #REQUEST_TIMEOUT}; shorter in tests). */
    Duration total = REQUEST_TIMEOUT;

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** The outcome of one attempt: the status (null when none came), how long it took, what went wrong. */
    public record Result(Integer statusCode, long durationMs, String error) {
        public boolean success() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    public Result send(UUID subscriptionId, String url, String eventId, String body, List<String> secrets) {
        Span span = tracer.spanBuilder(SPAN)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(SUBSCRIPTION_ID, subscriptionId.toString())
                .setAttribute(EVENT_ID, eventId)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            Result r = attempt(url, eventId, body, secrets);
            if (r.statusCode() != null) {
                span.setAttribute(STATUS_CODE, r.statusCode().longValue());
            }
            if (!r.success()) {
                // The outcome's wording is the API's own (no URL, no answer body): see below.
                span.setStatus(StatusCode.ERROR, r.error());
            }
            return r;
        } finally {
            span.end();
        }
    }

    private Result attempt(String url, String eventId, String body, List<String> secrets) {
        long start = System.nanoTime();
        Optional<String> refusal = targets.refusal(url);
        if (refusal.isPresent()) {
            return new Result(null, elapsed(start), "targetUrl " + refusal.get());
        }
        long deadline = start + total.toNanos();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(total)
                .header("Content-Type", "application/json")
                .header("User-Agent", "smartcity-webhooks/1")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        WebhookSigner.headers(eventId, Instant.now().getEpochSecond(), body, secrets)
                .forEach(request::header);
        telemetry
                .getPropagators()
                .getTextMapPropagator()
                .inject(Context.current(), request, HttpRequest.Builder::header);
        try {
            HttpResponse<InputStream> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            drain(response.body(), deadline);
            int status = response.statusCode();
            boolean ok = status >= 200 && status < 300;
            return new Result(status, elapsed(start), ok ? null : "the receiver answered " + status);
        } catch (HttpTimeoutException e) {
            return new Result(null, elapsed(start), "timed out");
        } catch (IOException e) {
            return new Result(
                    null, elapsed(start), "could not deliver: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, elapsed(start), "interrupted");
        }
    }

    /**
     * Reads at most {@link #MAX_BODY} bytes of the answer and no longer than until the deadline:
     * HttpClient's request timeout ends when the headers arrive, so a receiver that trickles its
     * body would otherwise hold the worker, and the subscription's lease, as long as it liked. The
     * answer is then closed (and its connection dropped); the status it gave stands.
     */
    private static void drain(InputStream in, long deadline) {
        ScheduledFuture<?> cut =
                CUT_OFF.schedule(() -> close(in), Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        try (in) {
            in.readNBytes(MAX_BODY);
        } catch (IOException e) {
            // Cut off at the deadline, or the receiver closed early: the status was given already.
        } finally {
            cut.cancel(false);
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Closing is all that is wanted of it.
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
