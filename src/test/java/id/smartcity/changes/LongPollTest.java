package id.smartcity.changes;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.smartcity.quickwin.QuickWinResourceTest;
import id.smartcity.testsupport.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LongPollTest {

    private static final Logger LOG = Logger.getLogger(LongPollTest.class);

    private static String cursorAtEnd(String token, String region) {
        return ChangeFeedTest.feed(token, Map.of("regionCode", region))
                .jsonPath()
                .getString("nextCursor");
    }

    @Test
    void aWaitingPollIsWokenByTheCommitOfAnEventItMaySee() throws Exception {
        String region = TestData.createRegion("Kabupaten Tunggu");
        String other = TestData.createRegion("Kabupaten Ramai");
        String viewer = ChangeFeedTest.viewerOf(region);
        String cursor = cursorAtEnd(viewer, region);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            List<Long> latencies = new ArrayList<>();
            List<Long> writes = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                String after = cursor;
                long[] answered = new long[1];
                CompletableFuture<Response> poll = CompletableFuture.supplyAsync(
                        () -> {
                            Response answer = ChangeFeedTest.feed(viewer, Map.of("after", after, "wait", 20));
                            answered[0] = System.nanoTime();
                            return answer;
                        },
                        pool);
                Thread.sleep(300);
                // Another region's change does not answer this poll.
                QuickWinResourceTest.create(other, QuickWinResourceTest.body("Bukan Untukmu", "ECONOMY", "1.00"));
                Thread.sleep(200);
                assertTrue(!poll.isDone(), "woken by another region's change");
                long writing = System.nanoTime();
                String id = QuickWinResourceTest.create(
                        region, QuickWinResourceTest.body("Bangunkan " + round, "ECONOMY", "1.00"));
                long written = System.nanoTime();
                Response r = poll.get(15, TimeUnit.SECONDS);
                // From sending the write to the poll's answer, and the write's own round trip.
                latencies.add(TimeUnit.NANOSECONDS.toMillis(answered[0] - writing));
                writes.add(TimeUnit.NANOSECONDS.toMillis(written - writing));
                r.then()
                        .statusCode(200)
                        .body("items.type", contains("quick-win.created"))
                        .body("items.entity.id", contains(id));
                assertEquals(r.jsonPath().getString("nextCursor"), r.header("Next-Cursor"));
                cursor = r.jsonPath().getString("nextCursor");
            }
            latencies.sort(Long::compare);
            writes.sort(Long::compare);
            LOG.infof(
                    "long poll answered, ms after the write was sent (sorted): %s; the write's round trip: %s",
                    latencies, writes);
            assertTrue(latencies.get(latencies.size() - 1) < 2000, "wake-up latencies " + latencies);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPollWithNothingToSayAnswersEmptyAfterItsWait() {
        String region = TestData.createRegion("Kabupaten Sepi");
        String viewer = ChangeFeedTest.viewerOf(region);
        String cursor = cursorAtEnd(viewer, region);
        long start = System.nanoTime();
        Response r = ChangeFeedTest.feed(viewer, Map.of("after", cursor, "regionCode", region, "wait", 1));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        r.then().statusCode(200).body("items", empty());
        assertTrue(millis >= 900 && millis < 5000, "answered after " + millis + " ms");
        assertEquals(cursor, r.jsonPath().getString("nextCursor"));
    }

    @Test
    void longPollsBeyondTheCapAre503WithRetryAfter() throws Exception {
        String region = TestData.createRegion("Kabupaten Penuh");
        String viewer = ChangeFeedTest.viewerOf(region);
        String cursor = cursorAtEnd(viewer, region);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<Response>> waiting = new ArrayList<>();
            for (int i = 0; i < 3; i++) { // the test profile's smartcity.changes.max-long-polls
                waiting.add(CompletableFuture.supplyAsync(
                        () -> ChangeFeedTest.feed(viewer, Map.of("after", cursor, "regionCode", region, "wait", 3)),
                        pool));
            }
            Thread.sleep(700);
            ChangeFeedTest.feed(viewer, Map.of("after", cursor, "regionCode", region, "wait", 3))
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("1"))
                    .body("status", equalTo(503));
            // Without wait the feed still answers at once.
            ChangeFeedTest.feed(viewer, Map.of("after", cursor, "regionCode", region))
                    .then()
                    .statusCode(200)
                    .body("items", empty());
            for (CompletableFuture<Response> w : waiting) {
                w.get(10, TimeUnit.SECONDS).then().statusCode(200).body("items", empty());
            }
            // The slots are free again.
            ChangeFeedTest.feed(viewer, Map.of("after", cursor, "regionCode", region, "wait", 1))
                    .then()
                    .statusCode(200);
        } finally {
            pool.shutdownNow();
        }
    }
}
