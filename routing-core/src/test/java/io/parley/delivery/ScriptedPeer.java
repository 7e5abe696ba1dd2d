package io.parley.delivery;

import static io.parley.delivery.SingleNodeHarness.await;

import io.parley.transport.Ack;
import io.parley.transport.DeliveryFrame;
import io.parley.transport.Envelope;
import io.parley.transport.ForwardingBudget;
import io.parley.transport.InboundFrames;
import io.parley.transport.Link;
import io.parley.transport.MessageFrame;
import io.parley.transport.MessageKey;
import io.parley.transport.Nack;
import io.parley.transport.NodeIdentity;
import io.parley.transport.Transport;
import io.parley.transport.TransportSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A harness peer of the §9 scenarios: a node on 127.0.0.1 that speaks Parley's protocol as broker
 * {@link #broker}, records every MESSAGE it receives with the time it came, and acknowledges each,
 * holds its acknowledgements back until {@link #releaseAcks()}, or says nothing, as the test
 * says. It can also send MESSAGE frames of its own to a node and records the answers.
 */
final class ScriptedPeer implements AutoCloseable {
    /** What the peer does with an arriving message. */
    enum Answer { ACK, HOLD, SILENT }

    /** One message as it arrived. */
    record Received(MessageFrame frame, Instant at) {
        String body() {
            return new String(frame.body(), StandardCharsets.UTF_8);
        }
    }

    private record Held(Link link, MessageKey key) {
    }

    final UUID broker;
    final int port;
    private final Transport transport;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<DeliveryFrame> answers = new CopyOnWriteArrayList<>();
    private final List<Held> held = new ArrayList<>();
    private volatile Answer answer;

    ScriptedPeer(String name, UUID broker, Answer answer) {
        this.broker = broker;
        this.answer = answer;
        this.port = FreePorts.pick();
        NodeIdentity identity = new NodeIdentity(name, UUID.randomUUID(), Set.of(broker));
        this.transport = Transport.start(TransportSettings.of(identity, "127.0.0.1", port), new InboundFrames() {
            @Override
            public void onMessage(Link link, MessageFrame message) {
                received.add(new Received(message, Instant.now()));
                answer(link, message.key());
            }

            @Override
            public void onAck(Link link, Ack ack) {
                answers.add(ack);
            }

            @Override
            public void onNack(Link link, Nack nack) {
                answers.add(nack);
            }
        });
    }

    static ScriptedPeer acking(String name, UUID broker) {
        return new ScriptedPeer(name, broker, Answer.ACK);
    }

    static ScriptedPeer acking(String name) {
        return acking(name, UUID.randomUUID());
    }

    String address() {
        return NetworkNodes.address(port);
    }

    private void answer(Link link, MessageKey key) {
        switch (answer) {
            case ACK -> link.send(new Ack(key, broker));
            case HOLD -> {
                synchronized (held) {
                    held.add(new Held(link, key));
                }
            }
            case SILENT -> { }
        }
    }

    void answerWith(Answer how) {
        this.answer = how;
    }

    /** Acknowledges every held message and every later one. */
    void releaseAcks() {
        synchronized (held) {
            answer = Answer.ACK;
            held.forEach(h -> h.link().send(new Ack(h.key(), broker)));
            held.clear();
        }
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<String> bodies() {
        return received.stream().map(Received::body).toList();
    }

    void awaitReceived(int count) {
        await(count + " messages at peer " + port, () -> received.size() >= count);
    }

    /** Connects to the node at {@code port} and sends {@code frame}. */
    void send(int nodePort, MessageFrame frame) throws Exception {
        Link link = transport.connect("127.0.0.1", nodePort).toCompletableFuture().get(10, TimeUnit.SECONDS);
        link.send(frame).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The ACKs and NACKs nodes sent back for this peer's messages. */
    List<DeliveryFrame> answers() {
        return List.copyOf(answers);
    }

    /** The answers about one message. */
    List<DeliveryFrame> answersFor(MessageKey key) {
        return answers.stream().filter(a -> key.equals(a instanceof Ack ack ? ack.message() : ((Nack) a).message())).toList();
    }

    /** A message of this peer's broker: its service {@code fromService} to {@code toService} on DEFAULT. */
    MessageFrame message(UUID conversation, boolean fromInitiator, long sequence, String fromService, String toService,
                         UUID toBroker, String body) {
        return message(conversation, fromInitiator, sequence, fromService, toService, toBroker, "DEFAULT", "DEFAULT", body);
    }

    MessageFrame message(UUID conversation, boolean fromInitiator, long sequence, String fromService, String toService,
                         UUID toBroker, String contract, String type, String body) {
        Instant now = Instant.now();
        return new MessageFrame(new MessageKey(conversation, fromInitiator, sequence),
                new Envelope(fromService, broker, toService, toBroker, contract, type), false, false, UUID.randomUUID(),
                now, now.plus(Duration.ofDays(1)), MessageFrame.DEFAULT_PRIORITY,
                ForwardingBudget.fresh(ForwardingBudget.DEFAULT_TIME_TO_LIVE), body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        transport.close();
    }
}
