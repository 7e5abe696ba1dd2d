package io.parley.delivery;

import io.parley.dialog.Arrival;
import io.parley.dialog.BrokerError;
import io.parley.routing.NodeView;
import io.parley.routing.RouteDecision;
import io.parley.routing.RouteMatcher;
import io.parley.store.StoreException;
import io.parley.transport.Ack;
import io.parley.transport.DeliveryFrame;
import io.parley.transport.Link;
import io.parley.transport.MessageFrame;
import io.parley.transport.Nack;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The receiving side of the network: what a node does with a MESSAGE frame from another node. The
 * node routes it with its node-level routes (R-ROUTE-9 b, R-ROUTE-11) on a delivery thread, never
 * on the I/O thread, one dialog at a time; a message for one of its brokers is accepted in that
 * broker's own transaction, and only after that commits does the ACK go back on the link it came
 * on (R-PROTO-13). A duplicate is acknowledged again (R-PROTO-7); a message the broker will never
 * take gets a NACK for good with Service Broker's error (§7.3), which errors the sender's dialog;
 * one it cannot take now, and one routing drops, get no answer at all (R-PROTO-18, decision
 * §10-18): the sender keeps it and tries again. A message to pass on goes to the {@link Relay}.
 */
final class Reception implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Reception.class.getName());
    /** Service Broker's trace text for a dropped duplicate (R-PROTO-7). */
    static final String DUPLICATE = "This message could not be delivered because it is a duplicate.";

    private final Supplier<NodeView> node;
    private final Map<UUID, Transmitter.Member> brokers;
    private final RouteMatcher matcher;
    private final Clock clock;
    private final Relay relay;
    private final DialogOrderedExecutor executor;
    private final LinkActivity activity;

    Reception(Supplier<NodeView> node, Map<UUID, Transmitter.Member> brokers, RouteMatcher matcher, Clock clock,
              Relay relay, DialogOrderedExecutor executor, LinkActivity activity) {
        this.node = node;
        this.brokers = Map.copyOf(brokers);
        this.matcher = matcher;
        this.clock = clock;
        this.relay = relay;
        this.executor = executor;
        this.activity = activity;
    }

    /** Called on the link's I/O thread: queues the message behind its dialog's earlier arrivals. */
    void onMessage(Link link, MessageFrame message) {
        activity.messageReceived(link);
        if (!executor.submit(message.key().conversationId(), () -> receive(link, message))) {
            LOG.log(Level.DEBUG, () -> "PRL-3104 " + describe(message) + " from " + link
                    + " dropped: too many arrivals are waiting already; its sender will send it again");
        }
    }

    private void receive(Link link, MessageFrame message) {
        RouteDecision decision = matcher.match(DeliveryFrames.routingRequestOf(message), node.get(), clock.instant());
        if (decision instanceof RouteDecision.DeliverLocally local && brokers.containsKey(local.broker())) {
            deliver(link, message, brokers.get(local.broker()));
        } else if (decision instanceof RouteDecision.ServiceMissing missing) {
            answer(link, Nack.forGood(message.key(), RouteDecision.ServiceMissing.ERROR_CODE,
                    BrokerError.REMOTE_SERVICE_NOT_FOUND.describe(message.envelope().toService())), message);
        } else if (decision instanceof RouteDecision.SendToNextHop hop) {
            relay.relay(link, message, hop);
        } else if (decision instanceof RouteDecision.Dropped dropped) {
            LOG.log(Level.INFO, () -> "PRL-3102 " + describe(message) + " from " + link + " dropped ("
                    + dropped.status().number() + "): " + dropped.status().text());
        } else {
            LOG.log(Level.WARNING, () -> "PRL-3103 " + describe(message) + " from " + link + " dropped: routing decided "
                    + decision + ", which an arriving message cannot have");
        }
    }

    private void deliver(Link link, MessageFrame message, Transmitter.Member broker) {
        Arrival arrival;
        try {
            arrival = ConflictRetry.run(() -> broker.store().inTransactionWith(
                    tx -> broker.transmissions().accept(tx, DeliveryFrames.incoming(message))));
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "PRL-3101 " + describe(message) + " from " + link + " could not be stored in broker '"
                    + broker.store().name() + "'; it is not acknowledged, and its sender will send it again", e);
            return;
        }
        if (arrival instanceof Arrival.Duplicate) {
            LOG.log(Level.DEBUG, () -> describe(message) + " from " + link + ": " + DUPLICATE + " Acknowledged again.");
        }
        if (arrival.acknowledged()) {
            answer(link, new Ack(message.key(), broker.transmissions().brokerId()), message);
        } else if (arrival instanceof Arrival.Rejected rejected) {
            answer(link, Nack.forGood(message.key(), rejected.error().code(), rejected.description()), message);
        } else {
            LOG.log(Level.DEBUG, () -> describe(message) + " from " + link + " not accepted now ('"
                    + ((Arrival.Refused) arrival).status() + "'); its sender will send it again");
        }
    }

    private void answer(Link link, DeliveryFrame answer, MessageFrame message) {
        link.send(answer).whenComplete((written, failure) -> {
            if (failure == null && answer instanceof Ack) {
                activity.ackSent(link);
            } else if (failure == null) {
                activity.nackSent(link);
            } else {
                // Lost with the link: the sender resends, and the duplicate is answered again (R-PROTO-7).
                LOG.log(Level.DEBUG, () -> "the " + answer.type() + " for " + describe(message) + " was not written: "
                        + failure.getMessage());
            }
        });
    }

    /** Names a message for the log: dialog, direction, sequence number and services. */
    static String describe(MessageFrame message) {
        return "message " + message.key().sequence() + " of dialog " + message.key().conversationId() + " ("
                + (message.key().fromInitiator() ? "initiator" : "target") + " '" + message.envelope().fromService()
                + "' to '" + message.envelope().toService() + "')";
    }

    /** Stops taking messages and lets those being accepted finish. */
    @Override
    public void close() {
        executor.close(Duration.ofSeconds(10));
    }
}
