package io.parley.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The framing handlers in memory, with {@link EmbeddedChannel}: frames split across reads or packed
 * into one, an oversized length, a bad frame followed by a good one, a stream ending inside a
 * frame, and a frame too large for the peer.
 */
class FramingTest {
    static {
        LeakWatch.install();
    }

    private final TransportCounters counters = new TransportCounters();
    private LogCapture log;
    private EmbeddedChannel channel;

    @BeforeEach
    void setUp() {
        log = LogCapture.start();
        channel = new EmbeddedChannel();
        PeerConnection.attach(channel, counters, "from a test");
        channel.pipeline().addLast(new FrameLengthDecoder(TransportSettings.MIN_FRAME_SIZE), new FrameDecoder(1),
                new ConnectionGuard());
    }

    @AfterEach
    void tearDown() {
        channel.finishAndReleaseAll();
        log.close();
    }

    @AfterAll
    static void noLeaks() {
        LeakWatch.assertNoLeaks();
    }

    @Test
    void aFrameArrivingOneByteAtATimeComesOutWhole() {
        MessageFrame message = Samples.message(3, "split");
        byte[] bytes = RawPeer.bytesOf(message);
        for (int i = 0; i < bytes.length - 1; i++) {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, i, 1));
            assertThat(channel.<Object>readInbound()).isNull();
        }
        channel.writeInbound(Unpooled.wrappedBuffer(bytes, bytes.length - 1, 1));
        assertThat(channel.<Object>readInbound()).isEqualTo(message);
    }

    @Test
    void framesPackedIntoOneReadComeOutOneByOne() {
        Ack ack = new Ack(Samples.key(1), UUID.randomUUID());
        ByteBuf packed = Unpooled.wrappedBuffer(RawPeer.bytesOf(ack), RawPeer.bytesOf(Keepalive.INSTANCE),
                RawPeer.bytesOf(ack));
        channel.writeInbound(packed);
        assertThat(channel.<Object>readInbound()).isEqualTo(ack);
        assertThat(channel.<Object>readInbound()).isEqualTo(Keepalive.INSTANCE);
        assertThat(channel.<Object>readInbound()).isEqualTo(ack);
    }

    @Test
    void anOversizedLengthIsRefusedAsSoonAsItIsRead() {
        channel.writeInbound(Unpooled.buffer().writeInt(TransportSettings.MIN_FRAME_SIZE + 1));
        Refused refused = channel.readOutbound();
        assertThat(refused.reason()).isEqualTo(CloseCause.FRAME_TOO_LARGE);
        assertThat(refused.text()).contains("a frame of 65537 bytes is longer than this node's maximum of 65536");
        assertThat(channel.isOpen()).isFalse();
        assertThat(counters.ended(CloseCause.FRAME_TOO_LARGE)).isEqualTo(1);
    }

    @Test
    void nothingAfterABadFrameBecomesAFrame() {
        byte[] bad = RawPeer.bytesOf(Keepalive.INSTANCE);
        bad[4] = 9;
        channel.writeInbound(Unpooled.wrappedBuffer(bad, RawPeer.bytesOf(Samples.message(1, "after"))));
        assertThat(channel.<Object>readInbound()).isNull();
        assertThat(((Refused) channel.readOutbound()).reason()).isEqualTo(CloseCause.UNSUPPORTED_VERSION);
        assertThat(counters.endedByCause()).containsOnlyKeys(CloseCause.UNSUPPORTED_VERSION);
    }

    @Test
    void aStreamEndingInsideAFrameIsCountedAsTruncated() {
        byte[] bytes = RawPeer.bytesOf(Samples.message(1, "cut"));
        channel.writeInbound(Unpooled.wrappedBuffer(bytes, 0, bytes.length / 2));
        channel.close();
        assertThat(counters.endedByCause()).containsOnlyKeys(CloseCause.TRUNCATED_FRAME);
        assertThat(log.messagesContaining("PRL-4011")).singleElement().asString()
                .contains("ended " + (bytes.length / 2) + " bytes into a frame");
    }

    @Test
    void aCleanEndBetweenFramesIsThePeerClosing() {
        channel.writeInbound(Unpooled.wrappedBuffer(RawPeer.bytesOf(Keepalive.INSTANCE)));
        channel.close();
        assertThat(counters.endedByCause()).containsOnlyKeys(CloseCause.PEER_CLOSED);
        assertThat(log.records()).isEmpty();
    }

    @Test
    void aFrameLargerThanThePeerAcceptsFailsItsWriteAndLeavesTheChannelOpen() {
        EmbeddedChannel out = new EmbeddedChannel(new FrameEncoder(1, TransportSettings.MIN_FRAME_SIZE));
        ChannelFuture write = out.writeOneOutbound(Samples.message(1, "x".repeat(TransportSettings.MIN_FRAME_SIZE)));
        out.flushOutbound();
        assertThat(write.cause()).hasCauseInstanceOf(LinkException.class)
                .rootCause().hasMessageContaining("longer than the 65536 bytes the peer accepts");
        assertThat(out.isActive()).isTrue();
        assertThat(out.<Object>readOutbound()).isNull();
        out.finishAndReleaseAll();
    }
}
