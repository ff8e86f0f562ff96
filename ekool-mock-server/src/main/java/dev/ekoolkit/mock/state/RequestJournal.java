package dev.ekoolkit.mock.state;

import dev.ekoolkit.mock.api.RecordedRequest;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/**
 * The requests the mock received: a bounded snapshot list (the oldest are dropped when full) and a FIFO
 * queue for {@link #take(Duration)}, bounded the same way. A limit of 0 turns recording off. Thread-safe.
 */
public final class RequestJournal {

    private final int limit;
    private final ArrayDeque<RecordedRequest> all = new ArrayDeque<>();
    private final ArrayDeque<RecordedRequest> untaken = new ArrayDeque<>();

    /**
     * A journal keeping at most {@code limit} requests.
     *
     * @param limit the most requests kept, 0 to turn recording off
     */
    public RequestJournal(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative; got " + limit);
        }
        this.limit = limit;
    }

    /**
     * {@code false} when recording is off.
     *
     * @return {@code true} when requests are recorded
     */
    public boolean enabled() {
        return limit > 0;
    }

    /**
     * Records a request.
     *
     * @param request the request to record, secrets already masked
     */
    public synchronized void record(RecordedRequest request) {
        if (limit == 0) {
            return;
        }
        if (all.size() >= limit) {
            all.removeFirst();
        }
        all.addLast(request);
        if (untaken.size() >= limit) {
            untaken.removeFirst();
        }
        untaken.addLast(request);
        notifyAll();
    }

    /**
     * Every recorded request, oldest first; immutable.
     *
     * @return the recorded requests, oldest first, unmodifiable
     */
    public synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(all);
    }

    /**
     * The oldest request not yet taken, waiting up to {@code timeout} for one to arrive.
     *
     * @param timeout how long to wait at most for a request
     * @return empty when none arrived in time
     */
    public synchronized Optional<RecordedRequest> take(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (untaken.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            try {
                wait(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.of(untaken.removeFirst());
    }

    /** Forgets every request. */
    public synchronized void clear() {
        all.clear();
        untaken.clear();
    }
}
