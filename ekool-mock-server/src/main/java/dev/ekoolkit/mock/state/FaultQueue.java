package dev.ekoolkit.mock.state;

import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.mock.api.Fault;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults and delays queued per endpoint, served first in, first out. Checking an endpoint with nothing
 * queued takes no lock. Thread-safe.
 */
public final class FaultQueue {

    private static final int MAX_QUEUED = 1_000;

    /** A queued fault and how many more requests it answers. */
    private static final class Queued {
        final Fault fault;
        int remaining;

        Queued(Fault fault) {
            this.fault = fault;
            this.remaining = fault.times();
        }
    }

    private final Map<Endpoint, ArrayDeque<Queued>> faults = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, ArrayDeque<Duration>> delays = new EnumMap<>(Endpoint.class);
    private final AtomicInteger queued = new AtomicInteger();

    /** An empty queue. */
    public FaultQueue() {
        for (Endpoint e : Endpoint.values()) {
            faults.put(e, new ArrayDeque<>());
            delays.put(e, new ArrayDeque<>());
        }
    }

    /**
     * Queues a fault for the next {@link Fault#times()} requests to {@code endpoint}.
     *
     * @param endpoint the endpoint whose next requests fail
     * @param fault what to answer and for how many requests
     * @throws IllegalStateException when a thousand faults and delays are already queued
     */
    public synchronized void failNext(Endpoint endpoint, Fault fault) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(fault, "fault");
        checkRoom();
        faults.get(endpoint).addLast(new Queued(fault));
        queued.incrementAndGet();
    }

    /**
     * Queues a delay before the next request to {@code endpoint} is answered.
     *
     * @param endpoint the endpoint whose next request is delayed
     * @param delay how long to hold the answer back
     */
    public synchronized void delayNext(Endpoint endpoint, Duration delay) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || delay.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("delay must be from 0 to 5 minutes; got " + delay);
        }
        checkRoom();
        delays.get(endpoint).addLast(delay);
        queued.incrementAndGet();
    }

    /**
     * The fault this request to {@code endpoint} gets, if one is queued; counts it down.
     *
     * @param endpoint the endpoint a request reached
     * @return the fault to serve, or empty when none is queued
     */
    public Optional<Fault> nextFault(Endpoint endpoint) {
        if (queued.get() == 0) {
            return Optional.empty();
        }
        synchronized (this) {
            Queued q = faults.get(endpoint).peekFirst();
            if (q == null) {
                return Optional.empty();
            }
            if (--q.remaining <= 0) {
                faults.get(endpoint).removeFirst();
                queued.decrementAndGet();
            }
            return Optional.of(q.fault);
        }
    }

    /**
     * The delay this request to {@code endpoint} gets, if one is queued; removes it.
     *
     * @param endpoint the endpoint a request reached
     * @return the delay to wait, or empty when none is queued
     */
    public Optional<Duration> nextDelay(Endpoint endpoint) {
        if (queued.get() == 0) {
            return Optional.empty();
        }
        synchronized (this) {
            Duration d = delays.get(endpoint).pollFirst();
            if (d != null) {
                queued.decrementAndGet();
            }
            return Optional.ofNullable(d);
        }
    }

    /** Drops every queued fault and delay. */
    public synchronized void clear() {
        faults.values().forEach(ArrayDeque::clear);
        delays.values().forEach(ArrayDeque::clear);
        queued.set(0);
    }

    /**
     * The number of faults and delays still queued (a fault for {@code n} requests counts once).
     *
     * @return the number of queued entries, 0 or more
     */
    public int size() {
        return queued.get();
    }

    private void checkRoom() {
        if (queued.get() >= MAX_QUEUED) {
            throw new IllegalStateException("at most " + MAX_QUEUED + " faults and delays can be queued");
        }
    }
}
