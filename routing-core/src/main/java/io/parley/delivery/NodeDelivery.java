package io.parley.delivery;

import io.parley.catalog.BrokerEndpoint;
import io.parley.routing.NodeView;
import io.parley.routing.RouteMatcher;
import io.parley.store.ViewRows;
import io.parley.transport.Ack;
import io.parley.transport.InboundFrames;
import io.parley.transport.Link;
import io.parley.transport.MessageFrame;
import io.parley.transport.Nack;
import io.parley.transport.NodeIdentity;
import io.parley.transport.Transport;
import io.parley.transport.TransportSecurity;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Everything that moves a node's messages: the {@link Transmitter} working through the brokers'
 * transmission queues, the {@link NetworkEndpoint} that listens and connects while the node's
 * broker endpoint is STARTED, and the {@link Reception} of messages arriving from other nodes. The
 * network's I/O threads only hand frames over: arrivals go to the reception's delivery threads,
 * acknowledgements and refusals to the transmitter's thread.
 */
public final class NodeDelivery implements AutoCloseable {
    private static final int RECEIVING_THREADS = 4;
    private static final int RECEIVING_CAPACITY = 1024;

    private final Transmitter transmitter;
    private final NetworkEndpoint endpoint;
    private final Reception reception;
    private final LinkActivity activity = new LinkActivity();

    private NodeDelivery(String nodeName, List<Transmitter.Member> brokers, RetrySchedule retry, Supplier<NodeView> node,
                         TransportSecurity security) {
        Map<UUID, Transmitter.Member> byId = new LinkedHashMap<>();
        brokers.forEach(member -> byId.put(member.transmissions().brokerId(), member));
        Clock clock = Clock.systemUTC();
        this.reception = new Reception(node, byId, new RouteMatcher(new SplittableRandom()), clock, Relay.DROP,
                new DialogOrderedExecutor("parley-reception-" + nodeName, RECEIVING_THREADS, RECEIVING_CAPACITY), activity);
        this.transmitter = new Transmitter(brokers, retry, clock, this::transport, activity);
        this.endpoint = new NetworkEndpoint(new NodeIdentity(nodeName, UUID.randomUUID(), byId.keySet()), new Arrivals(),
                security);
    }

    /**
     * Starts delivery for a node named {@code nodeName} hosting {@code brokers} (its own store
     * included), routed with {@code node}, listening as {@code brokerEndpoint} says, its connections
     * secured by {@code security}.
     */
    public static NodeDelivery start(String nodeName, List<Transmitter.Member> brokers, RetrySchedule retry,
                                     Supplier<NodeView> node, Optional<BrokerEndpoint> brokerEndpoint,
                                     TransportSecurity security) {
        NodeDelivery delivery = new NodeDelivery(nodeName, brokers, retry, node, security);
        delivery.endpoint.apply(brokerEndpoint);
        delivery.transmitter.start();
        return delivery;
    }

    /** Hands each arriving frame to the side that deals with it; runs on the network's I/O threads. */
    private final class Arrivals implements InboundFrames {
        @Override
        public void onMessage(Link link, MessageFrame message) {
            reception.onMessage(link, message);
        }

        @Override
        public void onAck(Link link, Ack ack) {
            activity.ackReceived(link);
            transmitter.acknowledged(ack);
        }

        @Override
        public void onNack(Link link, Nack nack) {
            activity.nackReceived(link);
            transmitter.refused(nack);
        }
    }

    /** Something was queued for transmission. */
    public void wake() {
        transmitter.wake();
    }

    /** The node's broker endpoint changed: start, stop or move the listener accordingly. */
    public void endpointChanged(Optional<BrokerEndpoint> brokerEndpoint) {
        endpoint.apply(brokerEndpoint);
    }

    /** The node's transport while its endpoint is STARTED and listening, else null. */
    public Transport transport() {
        return endpoint.transport();
    }

    /**
     * The node's links to other nodes now, as Service Broker's {@code sys.dm_broker_connections}
     * (R-VIEW-7): the peer, who opened the link, when, and the messages, ACKs and NACKs this node
     * sent and received on it. Empty while the node does not listen.
     */
    public ViewRows connections() {
        Transport transport = endpoint.transport();
        return activity.view(transport == null ? List.of() : transport.links());
    }

    /** Stops transmitting, closes the network endpoint, and lets messages being accepted finish. */
    @Override
    public void close() {
        try {
            transmitter.close();
        } finally {
            try {
                endpoint.close();
            } finally {
                reception.close();
            }
        }
    }
}
