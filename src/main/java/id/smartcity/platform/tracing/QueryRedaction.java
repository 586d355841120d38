package id.smartcity.platform.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.inject.Singleton;
import java.util.StringJoiner;

/**
 * Keeps the names of a request's query parameters in {@code url.query} and replaces their values
 * with {@value #REDACTED}: a free-text search ({@code q=}) may hold a person's name, and a cursor
 * or filter is no business of a trace. The HTTP instrumentation sets the attribute when the
 * server span starts, so it is rewritten before any exporter sees it. Quarkus adds every CDI
 * {@link SpanProcessor} to the tracer provider.
 */
@Singleton
public class QueryRedaction implements SpanProcessor {

    static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    static final String REDACTED = "REDACTED";

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        String query = span.getAttribute(URL_QUERY);
        if (query != null) {
            span.setAttribute(URL_QUERY, redact(query));
        }
    }

    /** {@code a=1&b=x&c} gives {@code a=REDACTED&b=REDACTED&c}. */
    static String redact(String query) {
        StringJoiner out = new StringJoiner("&");
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            out.add(eq < 0 ? pair : pair.substring(0, eq + 1) + REDACTED);
        }
        return out.toString();
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {}

    @Override
    public boolean isEndRequired() {
        return false;
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
