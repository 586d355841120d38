package id.smartcity.webhooks;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import id.smartcity.testsupport.RecordedSpans;
import id.smartcity.testsupport.TestData;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A delivery attempt is a webhook.deliver span, and the receiver is handed its traceparent. */
@QuarkusTest
class WebhookTracingTest {

    @Inject
    RecordedSpans spans;

    @Test
    void aPingIsADeliverySpanOfTheRequestAndTheReceiverContinuesIt() throws Exception {
        String region = TestData.createRegion("Kabupaten Lacak");
        String erp = WebhookSubscriptionResourceTest.serviceAccount("trace-" + region, region);
        try (Receiver receiver = new Receiver()) {
            String id = WebhookSubscriptionResourceTest.create(
                            erp,
                            WebhookSubscriptionResourceTest.body(
                                    receiver.url(), List.of("stakeholder.created"), List.of(region)))
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
            given().auth()
                    .oauth2(erp)
                    .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                    .post(WebhookSubscriptionResourceTest.URL + "/" + id + "/ping")
                    .then()
                    .statusCode(200);

            List<SpanData> trace = spans.await(
                    traceId,
                    t -> t.stream().anyMatch(s -> s.getName().equals(WebhookSender.SPAN))
                            && t.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER));
            SpanData deliver = trace.stream()
                    .filter(s -> s.getName().equals(WebhookSender.SPAN))
                    .findFirst()
                    .orElseThrow();
            SpanData server = trace.stream()
                    .filter(s -> s.getKind() == SpanKind.SERVER)
                    .findFirst()
                    .orElseThrow();
            assertEquals(server.getSpanId(), deliver.getParentSpanId(), "the ping's attempt is the request's child");
            assertEquals(SpanKind.CLIENT, deliver.getKind());
            assertEquals(id, deliver.getAttributes().get(WebhookSender.SUBSCRIPTION_ID));
            assertEquals(
                    receiver.requests.get(0).header("webhook-id"),
                    deliver.getAttributes().get(WebhookSender.EVENT_ID));
            assertEquals(200L, deliver.getAttributes().get(WebhookSender.STATUS_CODE));
            deliver.getAttributes().forEach((key, value) -> {
                assertFalse(String.valueOf(value).contains("127.0.0.1"), key + " holds the target URL");
                assertFalse(String.valueOf(value).startsWith("v1,"), key + " holds a signature");
            });
            assertNull(deliver.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("url.full")));

            // The receiver can continue the trace: its parent is the attempt's span.
            assertEquals(
                    "00-" + traceId + "-" + deliver.getSpanId() + "-01",
                    receiver.requests.get(0).header("traceparent"));
        }
    }
}
