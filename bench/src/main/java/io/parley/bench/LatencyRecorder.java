package io.parley.bench;

import java.time.Duration;
import java.util.Arrays;

/**
 * Latency samples of one run, kept whole in an array sized for the run so recording never allocates
 * and percentiles are exact. Used by one thread at a time.
 */
final class LatencyRecorder {
    private final long[] nanos;
    private int count;

    LatencyRecorder(int capacity) {
        nanos = new long[capacity];
    }

    void record(long elapsedNanos) {
        nanos[count++] = elapsedNanos;
    }

    /** The sample at {@code percentile} (0 to 100) by nearest rank; zero when nothing was recorded. */
    Duration percentile(double percentile) {
        if (count == 0) {
            return Duration.ZERO;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100 * count);
        return Duration.ofNanos(sorted[Math.max(rank, 1) - 1]);
    }
}
