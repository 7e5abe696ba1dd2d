package io.parley.bench;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress lines for whoever is watching a long run: which system and case is running, how far it
 * has got, at what rate and how long the rest should take (at most every two seconds), and what each
 * run measured. They go to a stream of their own, normally stderr, so the table on stdout stays clean.
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
        return track(what, total, "messages");
    }

    /** Starts reporting on one run of {@code total} things of the kind {@code unit} names. */
    Tracker track(String what, long total, String unit) {
        say(String.format(Locale.ROOT, "%s: %,d %s", what, total, unit));
        return new Tracker(what, total, unit);
    }

    /** Reports on one run; {@link #advanced} is called by one thread, as often as it likes. */
    final class Tracker {
        private final String what;
        private final long total;
        private final String unit;
        private final long started = System.nanoTime();
        private long lastReport = started;

        private Tracker(String what, long total, String unit) {
            this.what = what;
            this.total = total;
            this.unit = unit;
        }

        void advanced(long done) {
            long now = System.nanoTime();
            if (now - lastReport >= REPORT_EVERY_NANOS) {
                lastReport = now;
                double perSecond = done * 1e9 / Math.max(1, now - started);
                say(String.format(Locale.ROOT, "%s: %,d of %,d %s, %s/s, about %s to go", what, done, total, unit,
                        Cells.rate(perSecond), remaining(total - done, perSecond)));
            }
        }

        void finished(Measurement measurement) {
            finished(Cells.summary(measurement)
                    + (measurement.received() == measurement.sent() ? ""
                            : String.format(Locale.ROOT, " (sent %,d, received %,d)",
                                    measurement.sent(), measurement.received())));
        }

        void finished(String figures) {
            say(what + ": " + figures);
        }

        private static String remaining(long left, double perSecond) {
            long seconds = perSecond > 0 ? Math.round(left / perSecond) : 0;
            return seconds < 60 ? seconds + " s" : String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
    }
}
