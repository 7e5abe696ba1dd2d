package io.parley.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Idle detection over real sockets, with short settings: a peer that sends nothing is closed
 * after the silence limit, and a link with no traffic stays open on keep-alives alone. The margins
 * are wide, so a slow machine does not make a healthy link look silent.
 */
class KeepaliveTest extends TransportFixture {
    private final RecordingInbound inbound = new RecordingInbound();

    @Test
    void aPeerThatFallsSilentAfterTheHandshakeIsClosed() throws Exception {
        Transport server = start("server", inbound, s -> s.withKeepalive(Duration.ofMillis(50), Duration.ofMillis(400)));
        List<Frame> received;
        try (RawPeer mute = RawPeer.connect(server.localAddress())) {
            assertThat(mute.hello(Samples.identity("mute"))).isInstanceOf(HelloAccepted.class);
            received = mute.readUntilClosed();
        }
        assertThat(received).last().isEqualTo(new Refused(CloseCause.PEER_SILENT,
                "nothing arrived for 400 ms, not even a keep-alive"));
        assertThat(received.subList(0, received.size() - 1)).isNotEmpty().containsOnly(Keepalive.INSTANCE);
        Await.until(() -> server.counters().ended(CloseCause.PEER_SILENT) == 1, server.counters()::toString);
    }

    @Test
    void keepalivesAloneKeepAQuietLinkOpen() throws Exception {
        Duration interval = Duration.ofMillis(50);
        Duration silenceLimit = Duration.ofMillis(1500);
        Transport east = start("east", inbound, s -> s.withKeepalive(interval, silenceLimit));
        Transport west = start("west", inbound, s -> s.withKeepalive(interval, silenceLimit));
        Link link = connect(west, east);

        Thread.sleep(silenceLimit.multipliedBy(3).toMillis());

        assertThat(link.isActive()).isTrue();
        assertThat(east.counters().endedInAll()).isZero();
        assertThat(west.counters().endedInAll()).isZero();
        Await.result(link.send(Samples.message(0, "still listening")));
        assertThat(RecordingInbound.next(inbound.messages).frame().key().sequence()).isZero();
    }
}
