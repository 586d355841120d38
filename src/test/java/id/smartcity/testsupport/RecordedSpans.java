package id.smartcity.testsupport;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * The test profile's span exporter: Quarkus hands every CDI {@link SpanExporter} the finished
 * spans (batched, {@code %test.quarkus.otel.bsp.schedule.delay}), and this one keeps the latest
 * {@value #CAPACITY} in memory for {@code TracingTest}. Bounded, because tracing is on for the whole
 * suite and nothing else reads them.
 */
@Singleton
public class RecordedSpans implements SpanExporter {

    static final int CAPACITY = 20_000;

    private final Deque<SpanData> spans = new ArrayDeque<>();

    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> batch) {
        for (SpanData span : batch) {
            if (spans.size() == CAPACITY) {
                spans.removeFirst();
            }
            spans.addLast(span);
        }
        return CompletableResultCode.ofSuccess();
    }

    /** The spans of one trace recorded so far. */
    public synchronized List<SpanData> trace(String traceId) {
        return spans.stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    /**
     * Waits (up to 10 s) until the spans recorded so far of trace {@code traceId} satisfy {@code
     * done}, and returns them; the server span ends with the response, after the client may have
     * read it, and spans reach the exporter in batches.
     */
    public List<SpanData> await(String traceId, Predicate<List<SpanData>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<SpanData> found = trace(traceId);
        while (!done.test(found) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = trace(traceId);
        }
        return new ArrayList<>(found);
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
