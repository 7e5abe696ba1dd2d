package io.parley.delivery;

import io.parley.dialog.Arrival;
import io.parley.dialog.BrokerError;
import io.parley.dialog.ConversationHandle;
import io.parley.dialog.Transmissions;
import io.parley.routing.RouteDecision;
import io.parley.store.Store;
import io.parley.store.StoreException;
import io.parley.transport.Ack;
import io.parley.transport.Nack;
import io.parley.transport.Transport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The node's transmitter: one thread that works through the transmission queues of the node's
 * brokers. Each attempt routes the message afresh (R-ROUTE-39). A message for a broker of this node
 * is accepted there in that broker's own transaction, and only after that commits is the sender's
 * copy deleted (R-PROTO-13), so a crash in between can only cause a resend, which the receiver
 * drops as a duplicate (R-PROTO-7). A message for a next hop goes out over the network through
 * {@link NextHops} and stays until the destination acknowledges it. A message not acknowledged is
 * tried again on the {@link RetrySchedule}, counted per message from its last attempt; a dialog's
 * later messages wait until the earlier one is acknowledged, so each dialog arrives in order;
 * nothing is retransmitted after its dialog's lifetime (R-PROTO-14).
 */
public final class Transmitter implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Transmitter.class.getName());
    private static final int BATCH = 500;
    private static final Duration IDLE_RECHECK = Duration.ofSeconds(5);

    /** One broker of the node as the transmitter sees it. */
    public record Member(Store store, Transmissions transmissions) {
    }

    /** A transmission queue row: row ids are numbered per broker. */
    record RowKey(UUID broker, long id) {
    }

    private record Attempts(int count, Instant next) {
    }

    private final Map<UUID, Member> members = new LinkedHashMap<>();
    private final RetrySchedule schedule;
    private final Clock clock;
    private final NextHops nextHops;
    private final Map<RowKey, Attempts> attempts = new HashMap<>();
    private final Thread thread;
    private boolean woken;
    private volatile boolean closed;

    /**
     * @param brokers   the node's brokers, its own store included
     * @param transport the node's transport now, or null while it does not listen: then messages
     *                  for next hops wait with {@link TransmissionStatus#TRANSPORT_UNAVAILABLE}
     * @param activity  counts the messages written on each link
     */
    Transmitter(List<Member> brokers, RetrySchedule schedule, Clock clock, Supplier<Transport> transport,
                LinkActivity activity) {
        for (Member m : brokers) {
            members.put(m.transmissions().brokerId(), m);
        }
        this.schedule = schedule;
        this.clock = clock;
        this.nextHops = new NextHops(transport, activity, this::wake);
        this.thread = new Thread(this::run, "parley-transmitter");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Something was queued or answered: look at the transmission queues now rather than at the next retry. */
    public synchronized void wake() {
        woken = true;
        notifyAll();
    }

    /** A destination's acknowledgement of a message sent from this node; called on a network I/O thread. */
    public void acknowledged(Ack ack) {
        nextHops.acknowledged(ack);
    }

    /** A destination's refusal of a message sent from this node; called on a network I/O thread. */
    public void refused(Nack nack) {
        nextHops.refused(nack);
    }

    @Override
    public void close() {
        closed = true;
        wake();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (!closed) {
            Instant next = clock.instant().plus(IDLE_RECHECK);
            attempts.keySet().removeAll(nextHops.settle());
            for (Member member : members.values()) {
                try {
                    Instant due = transmit(member);
                    if (due != null && due.isBefore(next)) {
                        next = due;
                    }
                } catch (StoreException e) {
                    if (closed) {
                        return;
                    }
                    LOG.log(System.Logger.Level.WARNING, "PRL-3001 transmitting from broker '" + member.store().name()
                            + "' failed; trying again shortly", e);
                }
            }
            sleepUntil(next);
        }
    }

    private synchronized void sleepUntil(Instant next) {
        while (!woken && !closed) {
            long millis = Duration.between(clock.instant(), next).toMillis();
            if (millis <= 0) {
                break;
            }
            try {
                wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        woken = false;
    }

    /** Attempts every due message of one broker; returns when its next retry is due, if any. */
    private Instant transmit(Member source) {
        List<Transmissions.Pending> pending = source.store().inTransactionWith(tx -> source.transmissions().pending(tx, BATCH));
        forgetRowsGone(source, pending);
        Set<ConversationHandle> heldBack = new HashSet<>();
        Instant now = clock.instant();
        Instant nextDue = null;
        for (Transmissions.Pending message : pending) {
            String held = message.heldBecause();
            if (held != null) {
                if (!held.equals(message.status())) {
                    record(source, message, held);
                }
                heldBack.add(message.handle());
                continue;
            }
            RowKey row = new RowKey(source.transmissions().brokerId(), message.id());
            Attempts previous = attempts.get(row);
            boolean due = previous == null || !previous.next().isAfter(now);
            boolean expired = !message.lifetime().isAfter(now);
            if (heldBack.contains(message.handle()) || !due || expired || nextHops.isSending(message)) {
                heldBack.add(message.handle());
                if (!expired && previous != null && (nextDue == null || previous.next().isBefore(nextDue))) {
                    nextDue = previous.next();
                }
                continue;
            }
            int count = previous == null ? 1 : previous.count() + 1;
            if (attempt(source, row, message, count, now)) {
                attempts.remove(row);
            } else {
                Instant next = now.plus(schedule.delayAfter(count));
                attempts.put(row, new Attempts(count, next));
                heldBack.add(message.handle());
                if (nextDue == null || next.isBefore(nextDue)) {
                    nextDue = next;
                }
            }
        }
        return nextDue;
    }

    /**
     * Drops what is kept for rows that left the queue by other ways, such as an END. The batch holds
     * the oldest rows and row ids only grow, so a row older than the batch's last that is not in it
     * is gone.
     */
    private void forgetRowsGone(Member source, List<Transmissions.Pending> pending) {
        UUID broker = source.transmissions().brokerId();
        Set<Long> present = new HashSet<>();
        pending.forEach(p -> present.add(p.id()));
        long newest = pending.size() < BATCH || pending.isEmpty() ? Long.MAX_VALUE : pending.get(pending.size() - 1).id();
        Predicate<RowKey> gone = row -> row.broker().equals(broker) && row.id() <= newest
                && !present.contains(row.id());
        attempts.keySet().removeIf(gone);
        nextHops.forget(gone);
    }

    /**
     * One attempt, number {@code count} of this message; true when the message left the
     * transmission queue (acknowledged or given up). A message sent to a next hop has not left yet:
     * its acknowledgement comes later, through {@link NextHops#settle}.
     */
    private boolean attempt(Member source, RowKey row, Transmissions.Pending message, int count, Instant now) {
        Transmissions from = source.transmissions();
        RouteDecision decision = from.route(message);
        if (decision.brokerPick() != null) {
            source.store().inTransactionWith(tx -> {
                from.rememberPick(tx, message, decision.brokerPick());
                return null;
            });
        }
        if (decision instanceof RouteDecision.DeliverLocally local && members.containsKey(local.broker())) {
            return deliverLocally(source, message, members.get(local.broker()));
        }
        if (decision instanceof RouteDecision.ServiceMissing) {
            source.store().inTransactionWith(tx -> {
                from.failed(tx, message, RouteDecision.ServiceMissing.ERROR_CODE,
                        BrokerError.REMOTE_SERVICE_NOT_FOUND.describe(message.toService()));
                return null;
            });
            return true;
        }
        if (decision instanceof RouteDecision.SendToNextHop hop) {
            String status = nextHops.send(source, row, message, hop, count, now);
            if (status != null && !status.equals(message.status())) {
                record(source, message, status);
            }
            return false;
        }
        String status = decision instanceof RouteDecision.Delayed delayed ? delayed.status().text() : "";
        if (!status.equals(message.status())) {
            record(source, message, status);
        }
        return false;
    }

    private boolean deliverLocally(Member source, Transmissions.Pending message, Member target) {
        Transmissions from = source.transmissions();
        Arrival arrival = ConflictRetry.run(() -> target.store().inTransactionWith(
                tx -> target.transmissions().accept(tx, message, from.brokerId())));
        return source.store().inTransactionWith(tx -> {
            if (arrival.acknowledged()) {
                from.acknowledged(tx, message, target.transmissions().brokerId());
                return true;
            }
            if (arrival instanceof Arrival.Rejected rejected) {
                from.failed(tx, message, rejected.error().code(), rejected.description());
                return true;
            }
            from.waiting(tx, message, ((Arrival.Refused) arrival).status());
            return false;
        });
    }

    private static void record(Member source, Transmissions.Pending message, String status) {
        source.store().inTransactionWith(tx -> {
            source.transmissions().waiting(tx, message, status);
            return null;
        });
    }
}
