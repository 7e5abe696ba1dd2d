package io.parley.delivery;

import io.parley.dialog.Arrival;
import io.parley.dialog.BrokerError;
import io.parley.dialog.ConversationHandle;
import io.parley.dialog.Transmissions;
import io.parley.routing.RouteDecision;
import io.parley.store.Store;
import io.parley.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The node's transmitter: one thread that works through the transmission queues of the node's
 * brokers. Each attempt routes the message afresh (R-ROUTE-39). A message for a broker of this node
 * is accepted there in that broker's own transaction, and only after that commits is the sender's
 * copy deleted (R-PROTO-13), so a crash in between can only cause a resend, which the receiver
 * drops as a duplicate (R-PROTO-7). Messages for other nodes wait, with their status, for the
 * network transport. A message not acknowledged is tried again on the {@link RetrySchedule},
 * counted per message from its last attempt; a dialog's later messages wait behind an earlier one,
 * so each dialog arrives in order; nothing is retransmitted after its dialog's lifetime (R-PROTO-14).
 */
public final class Transmitter implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Transmitter.class.getName());
    private static final int BATCH = 500;
    private static final Duration IDLE_RECHECK = Duration.ofSeconds(5);

    /** One broker of the node as the transmitter sees it. */
    public record Member(Store store, Transmissions transmissions) {
    }

    private record Attempts(int count, Instant next) {
    }

    private final Map<UUID, Member> members = new HashMap<>();
    private final RetrySchedule schedule;
    private final Clock clock;
    private final Map<Long, Attempts> attempts = new HashMap<>();
    private final Thread thread;
    private boolean woken;
    private volatile boolean closed;

    public Transmitter(List<Member> brokers, RetrySchedule schedule, Clock clock) {
        for (Member m : brokers) {
            members.put(m.transmissions().brokerId(), m);
        }
        this.schedule = schedule;
        this.clock = clock;
        this.thread = new Thread(this::run, "parley-transmitter");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Something was queued: look at the transmission queues now rather than at the next retry. */
    public synchronized void wake() {
        woken = true;
        notifyAll();
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
        Set<ConversationHandle> heldBack = new HashSet<>();
        Instant now = clock.instant();
        Instant nextDue = null;
        for (Transmissions.Pending message : pending) {
            String held = message.heldBecause();
            if (held != null) {
                if (!held.equals(message.status())) {
                    source.store().inTransactionWith(tx -> {
                        source.transmissions().waiting(tx, message, held);
                        return null;
                    });
                }
                heldBack.add(message.handle());
                continue;
            }
            Attempts previous = attempts.get(message.id());
            boolean due = previous == null || !previous.next().isAfter(now);
            boolean expired = !message.lifetime().isAfter(now);
            if (heldBack.contains(message.handle()) || !due || expired) {
                heldBack.add(message.handle());
                if (!expired && previous != null && (nextDue == null || previous.next().isBefore(nextDue))) {
                    nextDue = previous.next();
                }
                continue;
            }
            if (attempt(source, message)) {
                attempts.remove(message.id());
            } else {
                int count = previous == null ? 1 : previous.count() + 1;
                Instant next = now.plus(schedule.delayAfter(count));
                attempts.put(message.id(), new Attempts(count, next));
                heldBack.add(message.handle());
                if (nextDue == null || next.isBefore(nextDue)) {
                    nextDue = next;
                }
            }
        }
        return nextDue;
    }

    /** One attempt; true when the message left the transmission queue (acknowledged or given up). */
    private boolean attempt(Member source, Transmissions.Pending message) {
        Transmissions from = source.transmissions();
        RouteDecision decision = from.route(message);
        if (decision.brokerPick() != null) {
            source.store().inTransactionWith(tx -> {
                from.rememberPick(tx, message, decision.brokerPick());
                return null;
            });
        }
        if (decision instanceof RouteDecision.DeliverLocally local && members.containsKey(local.broker())) {
            Member target = members.get(local.broker());
            Arrival arrival = target.store().inTransactionWith(tx -> target.transmissions().accept(tx, message, from.brokerId()));
            return source.store().inTransactionWith(tx -> {
                if (arrival.acknowledged()) {
                    from.acknowledged(tx, message, local.broker());
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
        if (decision instanceof RouteDecision.ServiceMissing) {
            source.store().inTransactionWith(tx -> {
                from.failed(tx, message, RouteDecision.ServiceMissing.ERROR_CODE,
                        BrokerError.REMOTE_SERVICE_NOT_FOUND.describe(message.toService()));
                return null;
            });
            return true;
        }
        String status = decision instanceof RouteDecision.Delayed delayed ? delayed.status().text() : "";
        source.store().inTransactionWith(tx -> {
            from.waiting(tx, message, status);
            return null;
        });
        return false;
    }
}
