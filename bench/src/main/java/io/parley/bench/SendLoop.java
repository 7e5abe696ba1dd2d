package io.parley.bench;

import java.time.Duration;

/**
 * P1 and P2: one thread sends and commits every {@code perCommit} messages; each transaction is a
 * latency sample. The messages stay queued while the clock runs and are drained afterwards, which
 * also proves they all arrived.
 */
final class SendLoop {
    private SendLoop() {
    }

    static Measurement run(MessagingSystem system, int messages, int perCommit, Progress.Tracker tracker)
            throws Exception {
        int transactions = (messages + perCommit - 1) / perCommit;
        LatencyRecorder latencies = new LatencyRecorder(transactions);
        byte[] body = Scenario.newBody();
        long sent = 0;
        long started;
        long elapsed;
        try (Sender sender = system.openSender()) {
            started = System.nanoTime();
            for (int transaction = 0; transaction < transactions; transaction++) {
                long began = System.nanoTime();
                for (int i = 0; i < perCommit; i++) {
                    sender.send(body);
                }
                sender.commit();
                latencies.record(System.nanoTime() - began);
                sent += perCommit;
                tracker.advanced(sent);
            }
            elapsed = System.nanoTime() - started;
        }
        long received = Drain.remaining(system, sent);
        return new Measurement(sent, Duration.ofNanos(elapsed),
                latencies.percentile(50), latencies.percentile(99), sent, received);
    }
}
