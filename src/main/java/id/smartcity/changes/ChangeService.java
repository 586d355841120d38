package id.smartcity.changes;

import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pages of the change feed, and long polls: an empty page waits (holding no thread) until the
 * {@link ChangeNotifier} announces an event the caller may see, then reads again.
 */
@ApplicationScoped
public class ChangeService {

    /** The longest a long poll may wait. */
    public static final int MAX_WAIT_SECONDS = 30;

    @Inject
    ChangeFeed feed;

    @Inject
    ChangeNotifier notifier;

    @ConfigProperty(name = "smartcity.changes.max-long-polls", defaultValue = "200")
    int maxLongPolls;

    private Semaphore longPolls;

    @PostConstruct
    void init() {
        longPolls = new Semaphore(maxLongPolls);
    }

    /**
     * A page: the events and the position the next page starts after. When the page is not full,
     * that position is the chain's committed head: every event up to it has been considered.
     */
    public record Page(List<ChangeEvent> events, long next) {}

    /** One page now, on the calling thread. */
    public Page page(ChangeQuery q) {
        long head = feed.head();
        if (q.after() > head) {
            throw ApiException.invalid("after", "is ahead of the feed: no event has been committed at that position");
        }
        List<ChangeEvent> events = new ArrayList<>();
        feed.stream(q, head, q.limit() + 1L, events::add);
        if (events.size() > q.limit()) {
            events.remove(q.limit());
            return new Page(events, events.get(q.limit() - 1).position());
        }
        return new Page(events, head);
    }

    /**
     * A page, waiting up to {@code wait} for the first event when there is none yet. The first read
     * runs on the calling (worker) thread; reads after a wake-up on the worker pool. Refused with
     * 503 and {@code Retry-After} when as many long polls as configured are already waiting.
     */
    public Uni<Page> poll(ChangeQuery q, Duration wait) {
        Page first = page(q);
        if (!first.events().isEmpty() || wait.isZero()) {
            return Uni.createFrom().item(first);
        }
        if (!longPolls.tryAcquire()) {
            throw ApiException.of(
                            ProblemType.SERVICE_UNAVAILABLE,
                            "Too many long polls are waiting on this instance; retry after Retry-After seconds,"
                                    + " or poll without wait")
                    .withHeader("Retry-After", "1");
        }
        long deadline = System.nanoTime() + wait.toNanos();
        return waitFor(q.after(first.next()), deadline).onTermination().invoke(longPolls::release);
    }

    private Uni<Page> waitFor(ChangeQuery q, long deadline) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            return Uni.createFrom().item(new Page(List.of(), q.after()));
        }
        return notifier.changeAfter(q.after(), q, Duration.ofNanos(remaining))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(woken -> {
                    Page p = page(q);
                    return p.events().isEmpty()
                            ? waitFor(q.after(p.next()), deadline)
                            : Uni.createFrom().item(p);
                });
    }

    /** Every event of the query up to the committed head (CSV exports); returns that head. */
    public long export(ChangeQuery q, ChangeFeed.Sink sink, long head) {
        feed.stream(q, head, 0, sink);
        return head;
    }

    public long head() {
        return feed.head();
    }
}
