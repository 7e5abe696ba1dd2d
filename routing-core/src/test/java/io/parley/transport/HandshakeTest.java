package io.parley.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslHandler;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

/** The handshake over real sockets on 127.0.0.1: accepted, refused for each reason, timed out. */
class HandshakeTest extends TransportFixture {
    private final RecordingInbound inbound = new RecordingInbound();

    @Test
    void eachSideLearnsWhoTheOtherIsAndWhichBrokersItHosts() throws Exception {
        UUID orders = UUID.randomUUID();
        UUID billing = UUID.randomUUID();
        Transport east = start(Samples.settings(new NodeIdentity("east", UUID.randomUUID(), Set.of(orders, billing)))
                .withMaxFrameSize(TransportSettings.MIN_FRAME_SIZE * 2), inbound);
        Transport west = start("west", inbound);

        Link link = connect(west, east);

        assertThat(link.peer()).isEqualTo(east.identity());
        assertThat(link.peer().brokerIds()).containsExactlyInAnyOrder(orders, billing);
        assertThat(link.protocolVersion()).isEqualTo(1);
        assertThat(link.peerMaxFrameSize()).isEqualTo(TransportSettings.MIN_FRAME_SIZE * 2);
        assertThat(link.isAccepted()).isFalse();
        assertThat(link.isActive()).isTrue();
        Await.until(() -> east.links().size() == 1, () -> "east has the accepted link");
        Link accepted = east.links().get(0);
        assertThat(accepted.peer()).isEqualTo(west.identity());
        assertThat(accepted.isAccepted()).isTrue();
        assertThat(accepted.peerMaxFrameSize()).isEqualTo(TransportSettings.DEFAULT_MAX_FRAME_SIZE);
        assertThat(east.counters().established()).isEqualTo(1);
        assertThat(west.counters().established()).isEqualTo(1);
        assertThat(log.messagesContaining("PRL-4020")).hasSize(2);
    }

    @Test
    void aPeerOfferingOnlyVersionsThisNodeDoesNotSpeakIsToldWhy() throws Exception {
        Transport server = start("server", inbound);
        try (RawPeer peer = RawPeer.connect(server.localAddress())) {
            peer.write(new Hello(2, 5, Samples.identity("future"), TransportSettings.MIN_FRAME_SIZE));
            List<Frame> answer = peer.readUntilClosed();
            assertThat(answer).singleElement().isInstanceOfSatisfying(Refused.class, refused -> {
                assertThat(refused.reason()).isEqualTo(CloseCause.UNSUPPORTED_VERSION);
                assertThat(refused.text()).isEqualTo("the peer speaks protocol versions 2..5 and this node speaks version 1");
            });
        }
        Await.until(() -> server.counters().ended(CloseCause.UNSUPPORTED_VERSION) == 1, server.counters()::toString);
        assertThat(server.counters().established()).isZero();
    }

    @Test
    void aHelloWrittenInAnUnknownVersionIsRefusedWithTheVersionsThisNodeSpeaks() throws Exception {
        Transport server = start("server", inbound);
        byte[] hello = RawPeer.bytesOf(new Hello(1, 1, Samples.identity("odd"), TransportSettings.MIN_FRAME_SIZE));
        hello[4] = 2;
        try (RawPeer peer = RawPeer.connect(server.localAddress())) {
            peer.write(hello);
            assertThat(peer.readUntilClosed()).containsExactly(new Refused(CloseCause.UNSUPPORTED_VERSION,
                    "a frame in protocol version 2; this node speaks version 1"));
        }
    }

    @Test
    void aNodeConnectingToItselfIsRefusedAndTheCallerLearnsWhy() {
        Transport node = start("lonely", inbound);
        Throwable failure = Await.failure(node.connect(Samples.LOOPBACK, node.localAddress().getPort()));
        assertThat(failure).isInstanceOfSatisfying(HandshakeRefusedException.class, refused -> {
            assertThat(refused.reason()).isEqualTo(CloseCause.SAME_NODE);
            assertThat(refused.peerText()).contains("node 'lonely'").contains("connected to itself");
            assertThat(refused.getMessage()).startsWith("tcp://127.0.0.1:" + node.localAddress().getPort() + " refused the handshake");
        });
        Await.until(() -> node.counters().endedInAll() == 2, node.counters()::toString);
        assertThat(node.counters().endedByCause()).containsOnlyKeys(CloseCause.SAME_NODE, CloseCause.REFUSED_BY_PEER);
        assertThat(node.links()).isEmpty();
    }

    @Test
    void framesBeforeTheHandshakeAreRefusedAndNeverReachTheListener() throws Exception {
        Transport server = start("server", inbound);
        for (Frame early : List.of(Samples.message(0, "too soon"), new Ack(Samples.key(0), UUID.randomUUID()), Keepalive.INSTANCE)) {
            try (RawPeer peer = RawPeer.connect(server.localAddress())) {
                peer.write(early);
                assertThat(peer.readUntilClosed()).singleElement().isEqualTo(new Refused(CloseCause.HELLO_EXPECTED,
                        "the first frame must be HELLO, not " + early.type()));
            }
        }
        Await.until(() -> server.counters().ended(CloseCause.HELLO_EXPECTED) == 3, server.counters()::toString);
        assertThat(inbound.messages).isEmpty();
        assertThat(inbound.acks).isEmpty();
    }

    @Test
    void aSecondHelloAfterTheHandshakeIsRefused() throws Exception {
        Transport server = start("server", inbound);
        try (RawPeer peer = RawPeer.connect(server.localAddress())) {
            NodeIdentity me = Samples.identity("repeater");
            assertThat(peer.hello(me)).isInstanceOf(HelloAccepted.class);
            peer.write(new Hello(1, 1, me, TransportSettings.MIN_FRAME_SIZE));
            assertThat(peer.readUntilClosed()).last().isEqualTo(new Refused(CloseCause.UNEXPECTED_FRAME,
                    "a HELLO frame after the handshake"));
        }
    }

    @Test
    void aPeerThatSaysNothingIsRefusedWhenTheHandshakeTimesOut() throws Exception {
        Transport server = start("server", inbound, s -> s.withHandshakeTimeout(Duration.ofMillis(200)));
        try (RawPeer peer = RawPeer.connect(server.localAddress())) {
            assertThat(peer.readUntilClosed()).containsExactly(new Refused(CloseCause.HANDSHAKE_TIMEOUT,
                    "no HELLO within 200 ms"));
        }
        Await.until(() -> server.counters().ended(CloseCause.HANDSHAKE_TIMEOUT) == 1, server.counters()::toString);
    }

    @Test
    void aListenerThatNeverAnswersHelloFailsTheConnectWithATimeout() throws Exception {
        Transport client = start("client", inbound, s -> s.withHandshakeTimeout(Duration.ofMillis(200)));
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName(Samples.LOOPBACK))) {
            Throwable failure = Await.failure(client.connect(Samples.LOOPBACK, silent.getLocalPort()));
            assertThat(failure).isInstanceOf(LinkException.class).hasMessageContaining("no answer to HELLO within 200 ms");
            assertThat(((LinkException) failure).reason()).isEqualTo(CloseCause.HANDSHAKE_TIMEOUT);
        }
    }

    @Test
    void connectingWhereNothingListensFailsWithTheSystemsReason() throws Exception {
        Transport client = start("client", inbound);
        int port;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getByName(Samples.LOOPBACK))) {
            port = gone.getLocalPort();
        }
        Throwable failure = Await.failure(client.connect(Samples.LOOPBACK, port));
        assertThat(failure).isInstanceOf(LinkException.class).hasCauseInstanceOf(ConnectException.class)
                .hasMessageStartingWith("cannot connect to tcp://127.0.0.1:" + port + ": ");
        assertThat(((LinkException) failure).reason()).isEqualTo(CloseCause.CONNECT_FAILED);
        assertThat(client.counters().ended(CloseCause.CONNECT_FAILED)).isEqualTo(1);
        assertThat(log.messagesContaining("PRL-4013")).hasSize(1);
    }

    @Test
    void transportSecurityIsTheFirstThingAConnectionMeets() throws Exception {
        TransportSecurity serverOnly = new TransportSecurity() {
            @Override
            public Optional<SslHandler> forAccepted(ByteBufAllocator allocator) {
                try {
                    SSLEngine engine = SSLContext.getDefault().createSSLEngine();
                    engine.setUseClientMode(false);
                    return Optional.of(new SslHandler(engine));
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public Optional<SslHandler> forConnecting(ByteBufAllocator allocator, String host, int port) {
                return Optional.empty();
            }
        };
        Transport server = start(Samples.settings(Samples.identity("tls")).withSecurity(serverOnly), inbound);
        Transport plain = start("plain", inbound);

        assertThat(Await.failure(plain.connect(Samples.LOOPBACK, server.localAddress().getPort())))
                .isInstanceOf(LinkException.class);
        Await.until(() -> server.counters().endedInAll() == 1, server.counters()::toString);
        assertThat(server.counters().established()).isZero();
        assertThat(log.messagesContaining("PRL-4018")).singleElement().asString().contains("the peer does not speak TLS");
    }

    @Test
    void aListenerAddressInUseIsReportedWithTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(Samples.LOOPBACK))) {
            TransportSettings settings = Samples.settings(Samples.identity("late")).withListenPort(taken.getLocalPort());
            assertThatThrownBy(() -> start(settings, inbound))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("cannot listen on " + new InetSocketAddress(Samples.LOOPBACK, taken.getLocalPort()));
        }
    }
}
