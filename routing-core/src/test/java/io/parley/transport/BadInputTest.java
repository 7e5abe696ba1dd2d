package io.parley.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A server facing bad input from one raw socket keeps serving everyone else: an oversized frame,
 * a connection cut inside a frame, a malformed frame after the handshake.
 */
class BadInputTest extends TransportFixture {
    private final RecordingInbound server = new RecordingInbound();
    private final RecordingInbound client = new RecordingInbound();

    @Test
    void anOversizedFrameEndsOnlyItsOwnConnection() throws Exception {
        Transport east = start("east", server, s -> s.withMaxFrameSize(TransportSettings.MIN_FRAME_SIZE));
        Link healthy = connect(start("west", client), east);

        try (RawPeer peer = RawPeer.connect(east.localAddress())) {
            assertThat(peer.hello(Samples.identity("greedy"))).isInstanceOf(HelloAccepted.class);
            peer.write(ByteBuffer.allocate(8).putInt(TransportSettings.MIN_FRAME_SIZE + 1).putInt(0x01040000).array());
            assertThat(peer.readUntilClosed()).last().isEqualTo(new Refused(CloseCause.FRAME_TOO_LARGE,
                    "a frame of 65537 bytes is longer than this node's maximum of 65536"));
        }

        Await.until(() -> east.counters().ended(CloseCause.FRAME_TOO_LARGE) == 1, east.counters()::toString);
        assertThat(healthy.isActive()).isTrue();
        Await.result(healthy.send(Samples.message(0, "still here")));
        assertThat(RecordingInbound.next(server.messages).link().peer().nodeName()).isEqualTo("west");
        assertThat(log.messagesContaining("PRL-4004")).singleElement().asString().startsWith("PRL-4004 link ")
                .contains("with node 'greedy'");
    }

    @Test
    void aConnectionCutInsideAFrameLeavesTheServerServing() throws Exception {
        Transport east = start("east", server);
        byte[] frame = RawPeer.bytesOf(Samples.message(7, "half of me"));

        try (RawPeer beforeHandshake = RawPeer.connect(east.localAddress())) {
            beforeHandshake.write(Arrays.copyOf(RawPeer.bytesOf(new Hello(1, 1, Samples.identity("a"),
                    TransportSettings.MIN_FRAME_SIZE)), 20));
        }
        try (RawPeer afterHandshake = RawPeer.connect(east.localAddress())) {
            assertThat(afterHandshake.hello(Samples.identity("b"))).isInstanceOf(HelloAccepted.class);
            afterHandshake.write(Arrays.copyOf(frame, frame.length / 2));
        }

        Await.until(() -> east.counters().ended(CloseCause.TRUNCATED_FRAME) == 2, east.counters()::toString);
        Link link = connect(start("west", client), east);
        Await.result(link.send(Samples.message(8, "whole")));
        assertThat(RecordingInbound.next(server.messages).frame().key().sequence()).isEqualTo(8);
        assertThat(server.messages).isEmpty();
    }

    @Test
    void aMalformedFrameAfterTheHandshakeIsRefusedAndNeverDelivered() throws Exception {
        Transport east = start("east", server);
        byte[] bad = RawPeer.bytesOf(Samples.message(1, "bad priority"));
        bad[4 + 59] = 0;
        try (RawPeer peer = RawPeer.connect(east.localAddress())) {
            assertThat(peer.hello(Samples.identity("sloppy"))).isInstanceOf(HelloAccepted.class);
            peer.write(bad);
            peer.write(RawPeer.bytesOf(Samples.message(2, "behind the bad one")));
            Frame last = peer.readUntilClosed().get(0);
            assertThat(last).isInstanceOfSatisfying(Refused.class, refused -> {
                assertThat(refused.reason()).isEqualTo(CloseCause.MALFORMED_FRAME);
                assertThat(refused.text()).isEqualTo("MESSAGE frame: priority 0 is outside 1..10");
            });
        }
        Await.until(() -> east.counters().ended(CloseCause.MALFORMED_FRAME) == 1, east.counters()::toString);
        assertThat(server.messages).isEmpty();
    }
}
