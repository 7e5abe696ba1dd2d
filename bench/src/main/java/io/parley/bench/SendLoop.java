package io.parley.bench;

import java.time.Duration;
import java.util.List;

/**
 * P1 and P2: one thread sends and commits every {@code perCommit} messages; each transaction is a
 * latency sample. The messages stay queued while the clock runs and are drained afterwards, which
 * also proves they all arrived. The scale cases time the same loop without the drain.
 */
final class SendLoop {
    private SendLoop() {
    }

    static Measurement run(MessagingSystem system, int messages, int perCommit, Progress.Tracker tracker)
            throws Exception {
        Measurement timed;
        try (Sender sender = system.openSender()) {
            timed = timed(List.of(sender), messages, perCommit, tracker);
        }
        long received = Drain.remaining(system, timed.sent());
        return new Measurement(timed.messages(), timed.elapsed(), timed.p50(), timed.p99(), timed.sent(), received);
    }

    /**
     * Sends {@code messages}, committing every {@code perCommit} and after the last, each transaction
     * on the next of {@code senders} in turn; the result counts them as sent and none as received.
     */
    static Measurement timed(List<Sender> senders, int messages, int perCommit, Progress.Tracker tracker)
            throws Exception {
        int transactions = (messages + perCommit - 1) / perCommit;
        LatencyRecorder latencies = new LatencyRecorder(transactions);
        byte[] body = Scenario.newBody();
        long sent = 0;
        long started = System.nanoTime();
        for (int transaction = 0; transaction < transactions; transaction++) {
            Sender sender = senders.get(transaction % senders.size());
            long began = System.nanoTime();
            int inThisOne = (int) Math.min(perCommit, messages - sent);
            for (int i = 0; i < inThisOne; i++) {
                sender.send(body);
            }
            sender.commit();
            latencies.record(System.nanoTime() - began);
            sent += inThisOne;
            tracker.advanced(sent);
        }
        long elapsed = System.nanoTime() - started;
        return new Measurement(sent, Duration.ofNanos(elapsed), latencies.percentile(50), latencies.percentile(99),
                sent, 0);
    }
}
