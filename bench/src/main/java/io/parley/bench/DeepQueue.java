package io.parley.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * S2: fills the queue with {@code queued} 1 KiB messages, 100 per commit, then, with the queue that
 * deep, times P1 sends and receives with a commit each, and reads the heap after a full collection
 * before the fill and at full depth.
 *
 * <p>The fill is shaped like a busy service's backlog rather than one long stream: up to
 * {@value #SENDERS} sender sessions take turns, each commit of 100 coming from the next one, so in
 * Parley, where a session is a dialog, a million messages are 1,000 dialogs of 1,000 messages each,
 * in 1,000 conversation groups. Fewer than 100,000 messages use one session per 100 messages. The
 * receives take the oldest messages, which are the fill's; the queue is not drained afterwards, since
 * the instance is a fresh one that is closed and deleted after the case.
 */
final class DeepQueue {
    static final int PER_COMMIT = 100;
    static final int SENDERS = 1_000;
    /** Generous: with the queue full, a receive that waits this long means the system is stuck. */
    private static final Duration RECEIVE_LIMIT = Duration.ofSeconds(10);

    private DeepQueue() {
    }

    static DeepQueueResult run(MessagingSystem system, int queued, int probes, Progress progress, String who)
            throws Exception {
        long heapBefore = readHeap(progress, who, "before the fill");
        Progress.Tracker filling = progress.track(who + " fill", queued);
        Measurement fill = fill(system, queued, filling);
        filling.finished(Cells.summary(fill) + " per commit of " + PER_COMMIT);
        long heapAtDepth = readHeap(progress, who, String.format(Locale.ROOT, "with %,d queued", queued));

        Progress.Tracker sending = progress.track(who + " P1 at depth", probes);
        Measurement sends;
        try (Sender sender = system.openSender()) {
            sends = SendLoop.timed(List.of(sender), probes, 1, sending);
        }
        sending.finished(Cells.summary(sends));

        Progress.Tracker receiving = progress.track(who + " receive at depth", probes);
        Measurement receives;
        try (Receiver receiver = system.openReceiver()) {
            receives = receiveEach(receiver, probes, receiving, who);
        }
        receiving.finished(Cells.summary(receives));
        return new DeepQueueResult(queued, fill, heapBefore, heapAtDepth, sends, receives);
    }

    private static Measurement fill(MessagingSystem system, int queued, Progress.Tracker tracker) throws Exception {
        int commits = (queued + PER_COMMIT - 1) / PER_COMMIT;
        List<Sender> senders = new ArrayList<>();
        try {
            for (int i = 0; i < Math.min(SENDERS, commits); i++) {
                senders.add(system.openSender());
            }
            return SendLoop.timed(senders, queued, PER_COMMIT, tracker);
        } finally {
            // Closed before the heap is read at depth: open sessions are not what holding a queue costs.
            senders.forEach(Sender::close);
        }
    }

    private static Measurement receiveEach(Receiver receiver, int messages, Progress.Tracker tracker, String who)
            throws Exception {
        LatencyRecorder latencies = new LatencyRecorder(messages);
        long started = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            long began = System.nanoTime();
            Optional<byte[]> message = receiver.receive(RECEIVE_LIMIT);
            if (message.isEmpty()) {
                throw new IllegalStateException(who + " gave no message within " + RECEIVE_LIMIT.toSeconds()
                        + " s although its queue was full; " + i + " had been received");
            }
            receiver.commit();
            latencies.record(System.nanoTime() - began);
            tracker.advanced(i + 1);
        }
        long elapsed = System.nanoTime() - started;
        return new Measurement(messages, Duration.ofNanos(elapsed), latencies.percentile(50), latencies.percentile(99),
                0, messages);
    }

    private static long readHeap(Progress progress, String who, String when) {
        long used = HeapGauge.usedAfterFullGc();
        progress.say(who + " heap after a full GC " + when + ": " + Cells.bytes(used));
        return used;
    }
}
