package id.smartcity.platform.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Records every trace that a request or a webhook delivery starts, and no statement that starts a
 * trace of its own: the background work's queries (the delivery worker's claim every second, the
 * change feed's and the stores' housekeeping) would otherwise each be a one-span trace, thousands an
 * hour, that tell nobody anything. A statement inside a request or a delivery is a child span and
 * is kept. Quarkus takes a CDI {@link Sampler} in place of {@code quarkus.otel.traces.sampler} (and
 * still wraps it in its own, which drops {@code /q/*}); sampling a share of the traces is then the
 * collector's business.
 */
@Singleton
public class BackgroundQueries implements Sampler {

    static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
    static final AttributeKey<String> DB_SYSTEM_NAME = AttributeKey.stringKey("db.system.name");

    private static final Sampler EVERY_TRACE = Sampler.parentBased(Sampler.alwaysOn());

    @Override
    public SamplingResult shouldSample(
            Context parentContext,
            String traceId,
            String name,
            SpanKind spanKind,
            Attributes attributes,
            List<LinkData> parentLinks) {
        boolean root = !Span.fromContext(parentContext).getSpanContext().isValid();
        if (root
                && spanKind == SpanKind.CLIENT
                && (attributes.get(DB_SYSTEM) != null || attributes.get(DB_SYSTEM_NAME) != null)) {
            return SamplingResult.drop();
        }
        return EVERY_TRACE.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return "BackgroundQueries{parentbased_always_on, no root JDBC spans}";
    }
}
