package id.smartcity.webhooks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookBackoffTest {

    @Test
    void retriesAfterFiveSecondsThirtySecondsTwoMinutesTenMinutesAnHourThenHourlyPlusJitter() {
        long[] expected = {5, 30, 120, 600, 3600, 3600, 3600};
        for (int attempt = 1; attempt <= expected.length; attempt++) {
            for (int i = 0; i < 50; i++) {
                Duration d = WebhookDeliveryWorker.backoff(attempt);
                long base = expected[attempt - 1] * 1000;
                assertTrue(d.toMillis() >= base && d.toMillis() <= base * 12 / 10, attempt + ": " + d);
            }
        }
    }
}
