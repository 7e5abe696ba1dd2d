package io.parley.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * P4: one thread sends a message, commits, receives it on a second session and commits that, so
 * exactly one message is ever in flight. The latency sample runs from the send to the moment the
 * receiver holds the message; the receiver's commit is outside it but inside the clock.
 */
final class OneInFlight {
    /** Generous: a message that has not arrived by then is counted as lost. */
    private static final Duration ARRIVAL_LIMIT = Duration.ofSeconds(10);

    private OneInFlight() {
    }

    static Measurement run(MessagingSystem system, int messages, Progress.Tracker tracker) throws Exception {
        LatencyRecorder latencies = new LatencyRecorder(messages);
        byte[] body = Scenario.newBody();
        long sent = 0;
        long received = 0;
        long started;
        long elapsed;
        try (Sender sender = system.openSender(); Receiver receiver = system.openReceiver()) {
            started = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                long began = System.nanoTime();
                sender.send(body);
                sender.commit();
                sent++;
                Optional<byte[]> message = receiver.receive(ARRIVAL_LIMIT);
                long arrived = System.nanoTime();
                if (message.isEmpty()) {
                    break;
                }
                receiver.commit();
                latencies.record(arrived - began);
                received++;
                tracker.advanced(received);
            }
            elapsed = System.nanoTime() - started;
        }
        received += Drain.remaining(system, sent - received);
        return new Measurement(sent, Duration.ofNanos(elapsed),
                latencies.percentile(50), latencies.percentile(99), sent, received);
    }
}
