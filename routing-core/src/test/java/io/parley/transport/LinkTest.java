package io.parley.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.transport.RecordingInbound.Arrived;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** Links over real sockets on 127.0.0.1: carrying messages and their acknowledgements, reuse, loss and reconnection. */
class LinkTest extends TransportFixture {
    private final RecordingInbound east = new RecordingInbound();
    private final RecordingInbound west = new RecordingInbound();

    @Test
    void anAckWrittenAfterTheListenerReturnedReachesTheSenderOnItsLink() throws Exception {
        CompletableFuture<Arrived<MessageFrame>> handedOver = new CompletableFuture<>();
        CountDownLatch listenerReturned = new CountDownLatch(1);
        RecordingInbound receiver = new RecordingInbound() {
            @Override
            public void onMessage(Link link, MessageFrame message) {
                handedOver.complete(new Arrived<>(link, message));
                listenerReturned.countDown();
            }
        };
        Transport server = start("east", receiver);
        Transport client = start("west", west);
        Link link = connect(client, server);
        MessageFrame message = Samples.message(0, "<order id='7'/>");

        Await.result(link.send(message));
        Arrived<MessageFrame> arrived = Await.result(handedOver);
        listenerReturned.await();
        UUID receivingBroker = UUID.randomUUID();
        ExecutorService committer = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<CompletionStage<Void>> ackWritten = CompletableFuture.supplyAsync(
                    () -> arrived.link().send(new Ack(arrived.frame().key(), receivingBroker)), committer);
            Await.result(ackWritten.join());
        } finally {
            committer.shutdown();
        }

        assertThat(arrived.frame()).isEqualTo(message);
        assertThat(arrived.link().peer()).isEqualTo(client.identity());
        Arrived<Ack> ack = RecordingInbound.next(west.acks);
        assertThat(ack.frame()).isEqualTo(new Ack(message.key(), receivingBroker));
        assertThat(ack.link()).isSameAs(link);
    }

    @Test
    void messagesOnOneLinkArriveInTheOrderTheyWereSent() throws Exception {
        Transport server = start("east", east);
        Link link = connect(start("west", west), server);
        UUID conversation = UUID.randomUUID();
        List<CompletionStage<Void>> writes = new ArrayList<>();
        for (long sequence = 0; sequence < 200; sequence++) {
            writes.add(link.send(Samples.message(new MessageKey(conversation, true, sequence), "n" + sequence)));
        }
        for (CompletionStage<Void> write : writes) {
            Await.result(write);
        }
        for (long sequence = 0; sequence < 200; sequence++) {
            assertThat(RecordingInbound.next(east.messages).frame().key().sequence()).isEqualTo(sequence);
        }
    }

    @Test
    void refusalsForGoodAndForNowReachTheSender() throws Exception {
        Transport server = start("east", east);
        Link link = connect(start("west", west), server);
        MessageFrame message = Samples.message(4, "x");
        Await.result(link.send(message));
        Link back = RecordingInbound.next(east.messages).link();

        Await.result(back.send(Nack.forNow(message.key(), 0, "Target queue is disabled.")));
        Await.result(back.send(Nack.forGood(message.key(), -8408, "Target service '//Shop/Orders' does not support contract '//C'.")));

        Nack first = RecordingInbound.next(west.nacks).frame();
        Nack second = RecordingInbound.next(west.nacks).frame();
        assertThat(first.permanent()).isFalse();
        assertThat(first.description()).isEqualTo("Target queue is disabled.");
        assertThat(second.permanent()).isTrue();
        assertThat(second.errorCode()).isEqualTo(-8408);
        assertThat(second.message()).isEqualTo(message.key());
    }

    @Test
    void callersConnectingAtOnceShareOneLink() throws Exception {
        Transport server = start("east", east);
        Transport client = start("west", west);
        int callers = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<CompletableFuture<Link>> links = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                links.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(go);
                    return client.connect(Samples.LOOPBACK, server.localAddress().getPort());
                }, pool).thenCompose(stage -> stage));
            }
            go.countDown();
            Link first = Await.result(links.get(0));
            for (CompletableFuture<Link> link : links) {
                assertThat(Await.result(link)).isSameAs(first);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(client.counters().established()).isEqualTo(1);
        assertThat(server.counters().established()).isEqualTo(1);
    }

    @Test
    void aLinkThePeerClosedIsReplacedAtTheNextConnect() throws Exception {
        Transport server = start("east", east);
        Transport client = start("west", west);
        Link first = connect(client, server);
        Await.until(() -> server.links().size() == 1, () -> "the server has its side of the link");

        server.links().get(0).close();

        assertThat(Await.result(first.closed())).isEqualTo(CloseCause.PEER_CLOSED);
        Throwable failure = Await.failure(first.send(Samples.message(0, "lost")));
        assertThat(failure).isInstanceOf(LinkException.class).hasMessageContaining("closed (PEER_CLOSED)");
        Link second = connect(client, server);
        assertThat(second).isNotSameAs(first);
        Await.result(second.send(Samples.message(0, "again")));
        assertThat(RecordingInbound.next(east.messages).frame().body()).asString().isEqualTo("again");
        assertThat(server.counters().ended(CloseCause.CLOSED_LOCALLY)).isEqualTo(1);
    }

    @Test
    void afterTheServerRestartsOnTheSamePortTheNextConnectReachesIt() throws Exception {
        Transport server = start("east", east);
        int port = server.localAddress().getPort();
        Transport client = start("west", west);
        Link before = connect(client, server);

        server.close();
        assertThat(Await.result(before.closed())).isEqualTo(CloseCause.PEER_CLOSED);
        Throwable whileDown = Await.failure(client.connect(Samples.LOOPBACK, port));
        assertThat(((LinkException) whileDown).reason()).isEqualTo(CloseCause.CONNECT_FAILED);

        RecordingInbound restarted = new RecordingInbound();
        Transport again = start(Samples.settings(server.identity()).withListenPort(port), restarted);
        Link after = connect(client, again);
        assertThat(after).isNotSameAs(before);
        Await.result(after.send(Samples.message(1, "after the restart")));
        assertThat(RecordingInbound.next(restarted.messages).frame().key().sequence()).isEqualTo(1);
    }

    @Test
    void aFrameTooLargeForThePeerFailsItsOwnSendOnly() throws Exception {
        Transport server = start("east", east, s -> s.withMaxFrameSize(TransportSettings.MIN_FRAME_SIZE));
        Link link = connect(start("west", west), server);

        Throwable failure = Await.failure(link.send(Samples.message(0, "x".repeat(TransportSettings.MIN_FRAME_SIZE))));

        assertThat(failure).isInstanceOf(LinkException.class).hasMessageContaining("the peer accepts");
        assertThat(((LinkException) failure).reason()).isEqualTo(CloseCause.FRAME_TOO_LARGE);
        assertThat(link.isActive()).isTrue();
        Await.result(link.send(Samples.message(1, "small")));
        assertThat(RecordingInbound.next(east.messages).frame().key().sequence()).isEqualTo(1);
        assertThat(server.counters().endedInAll()).isZero();
    }

    @Test
    void closingALinkCompletesItsCloseStageOnBothSides() throws Exception {
        Transport server = start("east", east);
        Link link = connect(start("west", west), server);
        Await.until(() -> server.links().size() == 1, () -> "the server has its side of the link");
        Link accepted = server.links().get(0);

        link.close();

        assertThat(Await.result(link.closed())).isEqualTo(CloseCause.CLOSED_LOCALLY);
        assertThat(Await.result(accepted.closed())).isEqualTo(CloseCause.PEER_CLOSED);
        assertThat(Await.failure(link.send(Samples.message(0, "late")))).isInstanceOf(LinkException.class);
        Await.until(() -> server.links().isEmpty(), () -> "the server forgot the closed link");
        assertThat(log.records()).noneMatch(r -> r.getLevel().intValue() > Level.INFO.intValue());
    }

    @Test
    void aListenerThatThrowsIsLoggedOnceAndTheLinkCarriesOn() throws Exception {
        RecordingInbound clumsy = new RecordingInbound() {
            @Override
            public void onMessage(Link link, MessageFrame message) {
                if (message.key().sequence() < 3) {
                    throw new IllegalStateException("no store today");
                }
                super.onMessage(link, message);
            }
        };
        Transport server = start("east", clumsy);
        Link link = connect(start("west", west), server);
        for (long sequence = 0; sequence < 4; sequence++) {
            Await.result(link.send(Samples.message(sequence, "m")));
        }
        assertThat(RecordingInbound.next(clumsy.messages).frame().key().sequence()).isEqualTo(3);
        assertThat(log.messagesContaining("PRL-4021")).hasSize(1);
        assertThat(link.isActive()).isTrue();
    }

    @Test
    void closingATransportReleasesItsPortAndItsThreads() throws Exception {
        Transport server = start("closing", east);
        int port = server.localAddress().getPort();
        connect(start("west", west), server);
        assertThat(threadsNamed("parley-transport-closing-")).isNotEmpty();

        server.close();

        assertThat(threadsNamed("parley-transport-closing-")).isEmpty();
        try (ServerSocket rebound = new ServerSocket()) {
            rebound.setReuseAddress(true);
            rebound.bind(new InetSocketAddress(InetAddress.getByName(Samples.LOOPBACK), port));
        }
        assertThat(Await.failure(server.connect(Samples.LOOPBACK, port))).hasMessageContaining("the transport is closed");
    }

    static List<String> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith(prefix)).toList();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
