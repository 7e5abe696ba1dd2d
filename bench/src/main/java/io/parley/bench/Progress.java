package io.parley.bench;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress lines for whoever is watching a long run: which system and case is running, how far it
 * has got (at most every two seconds) and what each run measured. They go to a stream of their own,
 * normally stderr, so the table on stdout stays clean.
 */
final class Progress {
    private static final long REPORT_EVERY_NANOS = 2_000_000_000L;

    private final PrintWriter out;
    private final long started = System.nanoTime();

    Progress(PrintWriter out) {
        this.out = out;
    }

    void say(String line) {
        synchronized (out) {
            out.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - started) / 1e9, line);
            out.flush();
        }
    }

    /** Starts reporting on one run of {@code total} messages. */
    Tracker track(String what, long total) {
        say(String.format(Locale.ROOT, "%s: %,d messages", what, total));
        return new Tracker(what, total);
    }

    /** Reports on one run; {@link #advanced} is called by one thread, as often as it likes. */
    final class Tracker {
        private final String what;
        private final long total;
        private long lastReport = System.nanoTime();

        private Tracker(String what, long total) {
            this.what = what;
            this.total = total;
        }

        void advanced(long done) {
            long now = System.nanoTime();
            if (now - lastReport >= REPORT_EVERY_NANOS) {
                lastReport = now;
                say(String.format(Locale.ROOT, "%s: %,d of %,d", what, done, total));
            }
        }

        void finished(Measurement measurement) {
            say(String.format(Locale.ROOT, "%s: %s msgs/s, p50 %s, p99 %s%s", what,
                    Cells.rate(measurement.messagesPerSecond()), Cells.latency(measurement.p50()),
                    Cells.latency(measurement.p99()),
                    measurement.received() == measurement.sent() ? ""
                            : String.format(Locale.ROOT, " (sent %,d, received %,d)",
                                    measurement.sent(), measurement.received())));
        }
    }
}
