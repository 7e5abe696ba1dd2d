package io.parley.bench;

import java.util.Comparator;

/**
 * What a case is judged by: messages per second, where more is better, or median latency, where
 * less is better. It picks the median of several runs and divides one system's figure by another's
 * for the ratio columns, so a ratio reads the way the targets do (≥ 1.2× for throughput,
 * ≤ 1.0× for latency).
 */
public enum Figure {
    THROUGHPUT {
        @Override
        double of(Measurement measurement) {
            return measurement.messagesPerSecond();
        }
    },
    MEDIAN_LATENCY {
        @Override
        double of(Measurement measurement) {
            return measurement.p50().toNanos();
        }
    };

    abstract double of(Measurement measurement);

    /** {@code subject}'s figure divided by {@code reference}'s. */
    double ratio(Measurement subject, Measurement reference) {
        return of(subject) / of(reference);
    }

    Comparator<Measurement> order() {
        return Comparator.comparingDouble(this::of);
    }
}
