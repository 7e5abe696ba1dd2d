package io.parley.bench;

import java.time.Duration;
import java.util.Locale;

/** How figures are written, in the table and in progress lines alike. */
final class Cells {
    static final String NONE = "—";

    private static final long KIB = 1024;
    private static final long MIB = KIB * KIB;

    private Cells() {
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    static String latency(Duration latency) {
        return String.format(Locale.ROOT, "%,.2f ms", latency.toNanos() / 1e6);
    }

    static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    /** A heap size or growth: whole bytes below 10 KiB, so a small per-dialog figure keeps its digits. */
    static String bytes(double bytes) {
        double size = Math.abs(bytes);
        if (size < 10 * KIB) {
            // Rounded first, so a growth of -0.3 bytes reads 0 B, not -0 B.
            return String.format(Locale.ROOT, "%,d B", Math.round(bytes));
        }
        if (size < MIB) {
            return String.format(Locale.ROOT, "%,.1f KiB", bytes / KIB);
        }
        return String.format(Locale.ROOT, "%,.1f MiB", bytes / MIB);
    }

    /** Rate and latencies of a run, as progress lines give them. */
    static String summary(Measurement measurement) {
        return rate(measurement.messagesPerSecond()) + " msgs/s, p50 " + latency(measurement.p50()) + ", p99 "
                + latency(measurement.p99());
    }
}
