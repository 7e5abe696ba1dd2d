package io.parley.bench;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * P3: a producer thread sends with a commit per message while a consumer thread receives with a
 * commit per message. The clock runs from the common start until the consumer has everything; the
 * latency sample is the producer's send and commit.
 */
final class ProducerConsumer {
    private static final Duration POLL = Duration.ofMillis(100);
    /** How long the consumer keeps waiting after the producer has finished before it calls the rest lost. */
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(10);

    private ProducerConsumer() {
    }

    static Measurement run(MessagingSystem system, int messages, Progress.Tracker tracker) throws Exception {
        LatencyRecorder latencies = new LatencyRecorder(messages);
        CountDownLatch go = new CountDownLatch(1);
        long sent;
        long received;
        long elapsed;
        try (Sender sender = system.openSender(); Receiver receiver = system.openReceiver()) {
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<Long> produced = threads.submit(() -> produce(sender, messages, latencies, go));
                Future<Long> consumed = threads.submit(() -> consume(receiver, messages, produced, tracker, go));
                long started = System.nanoTime();
                go.countDown();
                received = consumed.get();
                elapsed = System.nanoTime() - started;
                sent = produced.get();
            } finally {
                // The sessions close after this block; neither thread may still be using one then.
                threads.shutdownNow();
                threads.awaitTermination(1, TimeUnit.MINUTES);
            }
        }
        received += Drain.remaining(system, sent - received);
        return new Measurement(sent, Duration.ofNanos(elapsed),
                latencies.percentile(50), latencies.percentile(99), sent, received);
    }

    private static long produce(Sender sender, int messages, LatencyRecorder latencies, CountDownLatch go)
            throws Exception {
        byte[] body = Scenario.newBody();
        go.await();
        for (int i = 0; i < messages; i++) {
            long began = System.nanoTime();
            sender.send(body);
            sender.commit();
            latencies.record(System.nanoTime() - began);
        }
        return messages;
    }

    private static long consume(Receiver receiver, int messages, Future<Long> produced, Progress.Tracker tracker,
            CountDownLatch go) throws Exception {
        go.await();
        long received = 0;
        long idleSinceProducerDone = 0;
        while (received < messages) {
            Optional<byte[]> message = receiver.receive(POLL);
            if (message.isPresent()) {
                receiver.commit();
                received++;
                tracker.advanced(received);
                idleSinceProducerDone = 0;
            } else if (produced.isDone() && ++idleSinceProducerDone * POLL.toMillis() >= GIVE_UP_AFTER.toMillis()) {
                break;
            }
        }
        return received;
    }
}
