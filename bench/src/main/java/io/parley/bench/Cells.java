package io.parley.bench;

import java.time.Duration;
import java.util.Locale;

/** How figures are written, in the table and in progress lines alike. */
final class Cells {
    static final String NONE = "—";

    private Cells() {
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    static String latency(Duration latency) {
        return String.format(Locale.ROOT, "%.2f ms", latency.toNanos() / 1e6);
    }

    static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }
}
