package io.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DeepQueueTest {
    private final StringWriter progress = new StringWriter();
    private final InMemoryQueue queue = new InMemoryQueue();

    @Test
    void theFillComesFromOneSessionPerHundredMessagesWhileThatIsUnderAThousand() throws Exception {
        DeepQueueResult result = DeepQueue.run(queue, 2_550, 40, new Progress(new PrintWriter(progress)), "test");

        assertThat(result.queued()).isEqualTo(2_550);
        assertThat(result.fill().sent()).isEqualTo(2_550);
        // 26 fill sessions, then one for the sends at depth.
        assertThat(queue.senders).hasSize(27);
        assertThat(queue.senders.subList(0, 25)).allSatisfy(session -> {
            assertThat(session.committedMessages).isEqualTo(100);
            assertThat(session.closed).isTrue();
        });
        assertThat(queue.senders.get(25).committedMessages).isEqualTo(50);
        assertThat(queue.senders.get(26).commits).isEqualTo(40);
        assertThat(result.sendsAtDepth().sent()).isEqualTo(40);
        assertThat(result.receivesAtDepth().received()).isEqualTo(40);
        // The queue is left as deep as the fill made it.
        assertThat(queue.committed).hasSize(2_550);
    }

    @Test
    void aDeepFillTakesTurnsOverAThousandSessionsSoEachHoldsAnEqualShare() throws Exception {
        DeepQueue.run(queue, 300_000, 10, new Progress(new PrintWriter(progress)), "test");

        assertThat(queue.senders).hasSize(DeepQueue.SENDERS + 1);
        assertThat(queue.senders.subList(0, DeepQueue.SENDERS)).allSatisfy(session -> {
            assertThat(session.committedMessages).isEqualTo(300);
            assertThat(session.commits).isEqualTo(3);
        });
    }

    @Test
    void anEmptyReceiveAtDepthFailsTheCase() {
        MessagingSystem losing = new InMemoryQueue() {
            @Override
            public Receiver openReceiver() {
                committed.clear();
                return super.openReceiver();
            }
        };

        assertThatThrownBy(() -> DeepQueue.run(losing, 500, 10, new Progress(new PrintWriter(progress)), "Lossy S2"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Lossy S2 gave no message");
    }
}
