package io.parley.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an unacknowledged message waits before its next attempt (R-PROTO-14): {@code base} after
 * the first attempt, doubling after each further one, never more than {@code cap}. Service Broker
 * waits 4, 8, 16, 32 and then 64 s; tests scale both values down.
 */
public record RetrySchedule(Duration base, Duration cap) {
    /** 4 s doubling up to 64 s. */
    public static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofSeconds(4), Duration.ofSeconds(64));

    public RetrySchedule {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("retry base " + base + " must be positive and at most the cap " + cap);
        }
    }

    /** The wait after the {@code attempts}-th unsuccessful attempt (1 for the first). */
    public Duration delayAfter(int attempts) {
        Duration delay = base;
        for (int i = 1; i < attempts && delay.compareTo(cap) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(cap) > 0 ? cap : delay;
    }
}
