package io.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DerbyQueueTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private DerbyQueue queue;

    @BeforeEach
    void create() throws Exception {
        queue = DerbyQueue.create(dir);
    }

    @AfterEach
    void close() {
        queue.close();
    }

    @Test
    void messagesArriveOldestFirst() throws Exception {
        try (Sender sender = queue.openSender(); Receiver receiver = queue.openReceiver()) {
            sender.send(new byte[] {1});
            sender.send(new byte[] {2});
            sender.commit();
            sender.send(new byte[] {3});
            sender.commit();

            for (byte expected = 1; expected <= 3; expected++) {
                byte[] body = receiver.receive(WAIT).orElseThrow();
                assertThat(body).containsExactly(expected);
                receiver.commit();
            }
            assertThat(receiver.receive(Duration.ofMillis(10))).isEmpty();
        }
    }

    @Test
    void whatAReceiverDidNotCommitIsReceivedAgain() throws Exception {
        try (Sender sender = queue.openSender()) {
            sender.send(new byte[] {7});
            sender.commit();
        }
        try (Receiver receiver = queue.openReceiver()) {
            assertThat(receiver.receive(WAIT)).isPresent();
        }

        try (Receiver receiver = queue.openReceiver()) {
            assertThat(receiver.receive(WAIT)).hasValueSatisfying(body -> assertThat(body).containsExactly(7));
            receiver.commit();
            assertThat(receiver.receive(Duration.ofMillis(10))).isEmpty();
        }
    }

    @Test
    void uncommittedSendsAreNotReceived() throws Exception {
        try (Sender sender = queue.openSender(); Receiver receiver = queue.openReceiver()) {
            sender.send(new byte[] {9});

            assertThat(receiver.receive(Duration.ofMillis(10))).isEmpty();
        }
    }
}
