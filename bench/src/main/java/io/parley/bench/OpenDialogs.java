package io.parley.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * S1: begins the dialogs a thousand per commit, each with one message so both endpoints exist, and
 * reads the heap after a full collection before the first and after each quarter, the dialogs begun
 * so far open and idle meanwhile. Then, with all of them still open, it times P1 sends (a commit
 * each) on a fresh dialog, proving the engine still works at that scale. Nothing is received: the
 * instance is a fresh one that is closed and deleted after the case.
 */
final class OpenDialogs {
    static final int PER_COMMIT = 1_000;

    private OpenDialogs() {
    }

    static OpenDialogsResult run(DialogSystem system, int dialogs, int sends, Progress progress, String who)
            throws Exception {
        byte[] body = Scenario.newBody();
        List<Long> heap = new ArrayList<>();
        heap.add(readHeap(progress, who, 0, dialogs));
        Progress.Tracker tracker = progress.track(who + " begin", dialogs, "dialogs");
        LatencyRecorder commits = new LatencyRecorder(dialogs / PER_COMMIT + 4);
        long beginning = 0;
        int begun = 0;
        for (int quarter = 1; quarter <= 4; quarter++) {
            int mark = (int) ((long) dialogs * quarter / 4);
            long started = System.nanoTime();
            while (begun < mark) {
                int count = Math.min(PER_COMMIT, mark - begun);
                long began = System.nanoTime();
                system.beginDialogs(count, body);
                commits.record(System.nanoTime() - began);
                begun += count;
                tracker.advanced(begun);
            }
            // The heap readings are not part of the rate: their collections take seconds on their own.
            beginning += System.nanoTime() - started;
            heap.add(readHeap(progress, who, begun, dialogs));
        }
        Measurement begin = new Measurement(dialogs, Duration.ofNanos(beginning), commits.percentile(50),
                commits.percentile(99), dialogs, 0);
        tracker.finished(String.format(Locale.ROOT, "%s dialogs/s, p50 %s and p99 %s per commit of %,d",
                Cells.rate(begin.messagesPerSecond()), Cells.latency(begin.p50()), Cells.latency(begin.p99()),
                PER_COMMIT));

        Progress.Tracker sending = progress.track(who + " P1 with " + String.format(Locale.ROOT, "%,d", dialogs)
                + " dialogs open", sends);
        Measurement sent;
        try (Sender sender = system.openSender()) {
            sent = SendLoop.timed(List.of(sender), sends, 1, sending);
        }
        sending.finished(Cells.summary(sent));
        return new OpenDialogsResult(dialogs, begin, heap, sent);
    }

    private static long readHeap(Progress progress, String who, int begun, int dialogs) {
        long used = HeapGauge.usedAfterFullGc();
        progress.say(String.format(Locale.ROOT, "%s heap after a full GC with %,d of %,d dialogs open: %s", who, begun,
                dialogs, Cells.bytes(used)));
        return used;
    }
}
