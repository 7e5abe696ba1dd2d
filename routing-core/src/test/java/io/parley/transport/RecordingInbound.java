package io.parley.transport;

import static org.assertj.core.api.Assertions.fail;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An {@link InboundFrames} listener that keeps what arrives, with its link, for a test to take. */
class RecordingInbound implements InboundFrames {

    /** One frame and the link it came on. */
    record Arrived<F>(Link link, F frame) {
    }

    final BlockingQueue<Arrived<MessageFrame>> messages = new LinkedBlockingQueue<>();
    final BlockingQueue<Arrived<Ack>> acks = new LinkedBlockingQueue<>();
    final BlockingQueue<Arrived<Nack>> nacks = new LinkedBlockingQueue<>();

    @Override
    public void onMessage(Link link, MessageFrame message) {
        messages.add(new Arrived<>(link, message));
    }

    @Override
    public void onAck(Link link, Ack ack) {
        acks.add(new Arrived<>(link, ack));
    }

    @Override
    public void onNack(Link link, Nack nack) {
        nacks.add(new Arrived<>(link, nack));
    }

    static <F> Arrived<F> next(BlockingQueue<Arrived<F>> queue) {
        try {
            Arrived<F> arrived = queue.poll(15, TimeUnit.SECONDS);
            if (arrived == null) {
                fail("nothing arrived within 15 s");
            }
            return arrived;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
