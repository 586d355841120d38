package id.smartcity.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The trace of the request being served, as the API shows it: the {@value #TRACE_RESPONSE} header
 * (W3C Trace Context Level 2: {@code 00-<trace id>-<server span id>-<flags>}) and the {@code
 * traceId} of problem bodies. Both are absent when tracing is off ({@link TracingSwitch}).
 */
public final class Traces {

    public static final String TRACE_RESPONSE = "traceresponse";

    private Traces() {}

    /** The current span's trace id (32 hex digits), or null when there is none (tracing off). */
    public static String traceId() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }

    /** The {@value #TRACE_RESPONSE} value for the current span, or null when there is none. */
    public static String traceResponse() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid()
                ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                        + span.getTraceFlags().asHex()
                : null;
    }
}
