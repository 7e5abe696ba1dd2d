package io.parley.bench;

import java.time.Duration;

/**
 * One timed run of a case on one system: how many messages it measured over how long, the median
 * and 99th percentile of its latency samples, and how many messages were sent and received in all
 * (a received count below the sent count means the system lost messages). The latency sample is one
 * send transaction in P1 to P3 (P2: 100 sends and the commit; P3: the producer's) and send to
 * receive in P4.
 */
public record Measurement(long messages, Duration elapsed, Duration p50, Duration p99, long sent, long received) {

    /** Messages per second over the timed part of the run; round trips per second in P4. */
    public double messagesPerSecond() {
        return messages * 1e9 / Math.max(1, elapsed.toNanos());
    }
}
