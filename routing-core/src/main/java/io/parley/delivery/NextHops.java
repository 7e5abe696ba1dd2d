package io.parley.delivery;

import io.parley.catalog.RouteAddress;
import io.parley.dialog.Transmissions;
import io.parley.routing.RouteDecision;
import io.parley.store.StoreException;
import io.parley.transport.Ack;
import io.parley.transport.CloseCause;
import io.parley.transport.Link;
import io.parley.transport.MessageFrame;
import io.parley.transport.MessageKey;
import io.parley.transport.Nack;
import io.parley.transport.Transport;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The transmitter's messages on their way to other nodes. {@link #send} starts one attempt — a link
 * to the next hop (dialled on demand, reused), then the MESSAGE frame — without waiting for either;
 * the message stays in its transmission queue until the destination's ACK. What the network
 * reports back on its I/O threads (written, failed, acknowledged, refused, link lost) is queued
 * here and applied by the transmitter's own thread in {@link #settle}, one store transaction per
 * broker for a whole batch: an ACK deletes the row and binds the dialog (R-PROTO-13, R-ROUTE-27),
 * a NACK for good errors the dialog (R-ERR-6), and a failure leaves the row with a status saying
 * why (R-PROTO-18). Everything but {@link #acknowledged}, {@link #refused} and the network
 * callbacks runs on the transmitter's thread.
 */
final class NextHops {
    private static final System.Logger LOG = System.getLogger(NextHops.class.getName());

    /** A message sent at least once and not yet acknowledged, with what its row shows now. */
    private static final class InFlight {
        final Transmitter.Member source;
        final Transmitter.RowKey row;
        Transmissions.Pending message;
        RouteDecision.SendToNextHop decision;
        int attempt;
        boolean sending;
        Link link;
        String status;

        InFlight(Transmitter.Member source, Transmitter.RowKey row) {
            this.source = source;
            this.row = row;
        }
    }

    /** What the network said about a message, queued for the transmitter's thread. */
    private sealed interface Outcome permits Written, Failed, Acknowledged, Refused, LinkLost {
    }

    private record Written(MessageKey key, int attempt, Link link) implements Outcome {
    }

    private record Failed(MessageKey key, int attempt, String status) implements Outcome {
    }

    private record Acknowledged(Ack ack) implements Outcome {
    }

    private record Refused(Nack nack) implements Outcome {
    }

    private record LinkLost(Link link, CloseCause cause) implements Outcome {
    }

    /** Store work for one message, applied with the others of its broker in one transaction. */
    @FunctionalInterface
    private interface RowWork {
        void apply(io.parley.store.Transaction tx) throws SQLException;
    }

    private final Supplier<Transport> transport;
    private final LinkActivity activity;
    private final Runnable wake;
    private final Map<MessageKey, InFlight> inFlight = new HashMap<>();
    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final Set<Link> watched = ConcurrentHashMap.newKeySet();

    /**
     * @param transport the node's transport now, or null while its endpoint is not listening
     * @param activity  counts the messages written on each link
     * @param wake      tells the transmitter there is something to settle
     */
    NextHops(Supplier<Transport> transport, LinkActivity activity, Runnable wake) {
        this.transport = transport;
        this.activity = activity;
        this.wake = wake;
    }

    /**
     * Starts attempt number {@code attempt} of {@code message} to {@code decision}'s next hop.
     *
     * @return the status to record now when no attempt could be started, else null
     */
    String send(Transmitter.Member source, Transmitter.RowKey row, Transmissions.Pending message,
                RouteDecision.SendToNextHop decision, int attempt, Instant now) {
        MessageKey key = DeliveryFrames.keyOf(message);
        Transport network = transport.get();
        if (network == null) {
            inFlight.remove(key);
            return TransmissionStatus.TRANSPORT_UNAVAILABLE;
        }
        InFlight entry = inFlight.computeIfAbsent(key, k -> new InFlight(source, row));
        entry.message = message;
        entry.status = message.status();
        entry.decision = decision;
        entry.attempt = attempt;
        entry.sending = true;
        entry.link = null;
        MessageFrame frame = DeliveryFrames.frameOf(message, source.transmissions().brokerId(), decision, now);
        RouteAddress.Tcp address = decision.address();
        network.connect(address.host(), address.port()).whenComplete((link, failure) -> {
            if (failure != null) {
                post(new Failed(key, attempt, TransmissionStatus.connectFailed(explain(failure), decision.route(), address, attempt)));
                return;
            }
            watch(link);
            link.send(frame).whenComplete((written, writeFailure) -> {
                if (writeFailure == null) {
                    activity.messageSent(link);
                    post(new Written(key, attempt, link));
                } else {
                    post(new Failed(key, attempt, TransmissionStatus.sendFailed(explain(writeFailure), decision.route(), address, attempt)));
                }
            });
        });
        return null;
    }

    /** True while an attempt of this message is connecting or writing: its dialog waits for the outcome. */
    boolean isSending(Transmissions.Pending message) {
        InFlight entry = inFlight.get(DeliveryFrames.keyOf(message));
        return entry != null && entry.sending;
    }

    /** The destination acknowledged a message; called on an I/O thread. */
    void acknowledged(Ack ack) {
        post(new Acknowledged(ack));
    }

    /** The destination refused a message; called on an I/O thread. */
    void refused(Nack nack) {
        post(new Refused(nack));
    }

    /** Forgets the messages whose rows are gone, such as those an END removed. */
    void forget(Predicate<Transmitter.RowKey> gone) {
        inFlight.values().removeIf(entry -> gone.test(entry.row));
    }

    /**
     * Applies everything reported since the last call.
     *
     * @return the rows that left their transmission queue: acknowledged, or errored for good
     */
    Set<Transmitter.RowKey> settle() {
        Map<Transmitter.Member, List<RowWork>> work = new LinkedHashMap<>();
        Map<Transmitter.Member, List<Transmitter.RowKey>> leaving = new HashMap<>();
        for (Outcome outcome = outcomes.poll(); outcome != null; outcome = outcomes.poll()) {
            decide(outcome, work, leaving);
        }
        Set<Transmitter.RowKey> left = new HashSet<>();
        work.forEach((member, items) -> {
            if (apply(member, items)) {
                left.addAll(leaving.getOrDefault(member, List.of()));
            }
        });
        return left;
    }

    private void decide(Outcome outcome, Map<Transmitter.Member, List<RowWork>> work,
                        Map<Transmitter.Member, List<Transmitter.RowKey>> leaving) {
        if (outcome instanceof Acknowledged acknowledged) {
            InFlight entry = inFlight.remove(acknowledged.ack().message());
            if (entry != null) {
                Transmissions.Pending message = entry.message;
                add(work, entry, tx -> entry.source.transmissions().acknowledged(tx, message, acknowledged.ack().acknowledgingBroker()));
                leaving.computeIfAbsent(entry.source, m -> new ArrayList<>()).add(entry.row);
            }
        } else if (outcome instanceof Refused refused) {
            Nack nack = refused.nack();
            if (!nack.permanent()) {
                // Decision R-PROTO-18: a refusal for now changes nothing here; the retry schedule resends.
                LOG.log(Level.DEBUG, () -> "refused for now: " + nack);
                return;
            }
            InFlight entry = inFlight.remove(nack.message());
            if (entry != null) {
                Transmissions.Pending message = entry.message;
                add(work, entry, tx -> entry.source.transmissions().failed(tx, message, nack.errorCode(), nack.description()));
                leaving.computeIfAbsent(entry.source, m -> new ArrayList<>()).add(entry.row);
            }
        } else if (outcome instanceof Written written) {
            InFlight entry = current(written.key(), written.attempt());
            if (entry != null) {
                entry.sending = false;
                entry.link = written.link();
                setStatus(work, entry, written.link().isActive() ? "" : lostOn(entry, written.link(), null));
            }
        } else if (outcome instanceof Failed failed) {
            InFlight entry = current(failed.key(), failed.attempt());
            if (entry != null) {
                entry.sending = false;
                setStatus(work, entry, failed.status());
            }
        } else if (outcome instanceof LinkLost lost) {
            for (InFlight entry : inFlight.values()) {
                if (!entry.sending && entry.link == lost.link()) {
                    entry.link = null;
                    setStatus(work, entry, lostOn(entry, lost.link(), lost.cause()));
                }
            }
        }
    }

    private InFlight current(MessageKey key, int attempt) {
        InFlight entry = inFlight.get(key);
        return entry != null && entry.attempt == attempt ? entry : null;
    }

    private void setStatus(Map<Transmitter.Member, List<RowWork>> work, InFlight entry, String status) {
        if (!status.equals(entry.status)) {
            entry.status = status;
            Transmissions.Pending message = entry.message;
            add(work, entry, tx -> entry.source.transmissions().waiting(tx, message, status));
        }
    }

    private static void add(Map<Transmitter.Member, List<RowWork>> work, InFlight entry, RowWork item) {
        work.computeIfAbsent(entry.source, m -> new ArrayList<>()).add(item);
    }

    /** One transaction for the batch; if it fails, one per message, so one bad row does not hold up the rest. */
    private static boolean apply(Transmitter.Member member, List<RowWork> items) {
        try {
            member.store().inTransactionWith(tx -> {
                for (RowWork item : items) {
                    item.apply(tx);
                }
                return null;
            });
            return true;
        } catch (StoreException batchFailure) {
            boolean all = true;
            for (RowWork item : items) {
                try {
                    member.store().inTransactionWith(tx -> {
                        item.apply(tx);
                        return null;
                    });
                } catch (StoreException e) {
                    all = false;
                    // The message stays in its transmission queue and is sent again on its schedule.
                    LOG.log(Level.WARNING, "PRL-3002 recording a transmission outcome in broker '" + member.store().name()
                            + "' failed; the message will be sent again", e);
                }
            }
            return all;
        }
    }

    private static String lostOn(InFlight entry, Link link, CloseCause cause) {
        String why = cause == null ? "closed" : "closed (" + cause + ")";
        return TransmissionStatus.receiveFailed("the " + link + " " + why + " before the acknowledgement arrived",
                entry.decision.route(), entry.decision.address(), entry.attempt);
    }

    private void watch(Link link) {
        if (watched.add(link)) {
            link.closed().whenComplete((cause, failure) -> {
                watched.remove(link);
                post(new LinkLost(link, cause));
            });
        }
    }

    private void post(Outcome outcome) {
        outcomes.add(outcome);
        wake.run();
    }

    private static String explain(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
