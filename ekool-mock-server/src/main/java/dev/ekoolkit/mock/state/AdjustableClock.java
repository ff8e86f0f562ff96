package dev.ekoolkit.mock.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A clock that reads a base clock plus an offset the server can advance, so tests move time instead of
 * sleeping. Thread-safe.
 */
public final class AdjustableClock extends Clock {

    private final Clock base;
    private volatile Duration offset;

    /**
     * A clock following {@code base} with no offset.
     *
     * @param base the clock to follow
     */
    public AdjustableClock(Clock base) {
        this(base, Duration.ZERO);
    }

    private AdjustableClock(Clock base, Duration offset) {
        this.base = Objects.requireNonNull(base, "base");
        this.offset = offset;
    }

    /** The furthest the clock may be moved, so that every instant and token date stays representable. */
    public static final Duration MAX_OFFSET = Duration.ofDays(365L * 1000);

    /**
     * Moves this clock forward by {@code d} (which must not be negative; the total offset stays within 1000 years).
     *
     * @param d how far to move forward, zero or positive
     */
    public synchronized void advance(Duration d) {
        Objects.requireNonNull(d, "duration");
        if (d.isNegative()) {
            throw new IllegalArgumentException("the clock can only move forward; got " + d);
        }
        if (d.compareTo(MAX_OFFSET.minus(offset)) > 0) {
            throw new IllegalArgumentException("the clock may move at most " + MAX_OFFSET.toDays() + " days in all; it has"
                    + " moved " + offset.toDays() + " days, and " + d + " is too far");
        }
        offset = offset.plus(d);
    }

    /** Puts the offset back to zero. */
    public void resetOffset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new AdjustableClock(base.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }
}
