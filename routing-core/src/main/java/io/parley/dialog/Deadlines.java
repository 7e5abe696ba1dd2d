package io.parley.dialog;

import io.parley.catalog.Catalog;
import io.parley.catalog.MessageType;
import io.parley.catalog.Service;
import io.parley.catalog.SystemObjects;
import io.parley.store.Store;
import io.parley.store.StoreException;
import io.parley.store.Transaction;
import io.parley.store.UtcTimestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Fires what is due on a broker's conversations: conversation timers, which put a DialogTimer
 * message on the endpoint's queue (R-CONV-15), and dialog lifetimes, which put an Error −8489 there
 * and move the endpoint to ER (R-CONV-12). Deadlines are read from the store, so whatever fell due
 * while the broker was down fires when it starts again. One thread per broker sleeps until the
 * next deadline, and is woken early when a transaction sets an earlier one.
 */
final class Deadlines implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Deadlines.class.getName());
    private static final Duration IDLE_RECHECK = Duration.ofSeconds(30);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);

    private final Store store;
    private final Supplier<Catalog> catalog;
    private final Clock clock;
    private final EndpointTable endpoints;
    private final QueueTable queues;
    private final BrokerErrors errors;
    private final QueueSignals signals;
    private final Thread thread;
    private boolean woken;
    private volatile boolean closed;

    Deadlines(Store store, Supplier<Catalog> catalog, Clock clock, EndpointTable endpoints, QueueTable queues,
              BrokerErrors errors, QueueSignals signals) {
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
        this.endpoints = endpoints;
        this.queues = queues;
        this.errors = errors;
        this.signals = signals;
        this.thread = new Thread(this::run, "parley-deadlines-" + store.name());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Makes the watcher look at the store again: a transaction just set a deadline. */
    synchronized void wake() {
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
            Duration sleep;
            try {
                sleep = fireDue();
            } catch (StoreException | IllegalStateException e) {
                if (closed) {
                    return;
                }
                LOG.log(System.Logger.Level.WARNING, "PRL-2201 firing conversation timers and lifetimes of broker '"
                        + store.name() + "' failed; retrying in " + RETRY_AFTER_FAILURE.toSeconds() + " s", e);
                sleep = RETRY_AFTER_FAILURE;
            }
            sleepUpTo(sleep);
        }
    }

    private synchronized void sleepUpTo(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (!woken && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        woken = false;
    }

    /** Fires everything due now, in one transaction; returns how long until the next deadline. */
    Duration fireDue() {
        Instant now = clock.instant();
        Instant next = store.inTransactionWith(tx -> {
            fireTimers(tx, now);
            expireLifetimes(tx, now);
            return nextDeadline(tx.connection());
        });
        if (next == null) {
            return IDLE_RECHECK;
        }
        Duration until = Duration.between(clock.instant(), next);
        return until.isNegative() ? Duration.ZERO : until.compareTo(IDLE_RECHECK) > 0 ? IDLE_RECHECK : until;
    }

    private void fireTimers(Transaction tx, Instant now) throws SQLException {
        Connection c = tx.connection();
        Catalog current = catalog.get();
        MessageType timer = current.messageType(SystemObjects.DIALOG_TIMER).orElseThrow();
        for (Endpoint e : due(c, "DIALOG_TIMER <= ?", now,
                endpoint -> endpoint.dialogTimer() != null && !endpoint.dialogTimer().isAfter(now))) {
            Service service = current.service(e.serviceName()).orElse(null);
            if (service != null) {
                queues.insert(tx, new QueueTable.Row(queues.queueId(c, service.queueName()), QueueTable.READY, e.priority(),
                        e.group(), e.handle(), -1, service.name(), e.contractName(), timer.name(), timer.validation(), null), now);
                String queue = service.queueName();
                tx.onCompletion(committed -> {
                    if (committed) {
                        signals.signal(queue);
                    }
                });
            }
            endpoints.updateDialogTimer(c, e.handle(), null);
        }
    }

    private void expireLifetimes(Transaction tx, Instant now) throws SQLException {
        Catalog current = catalog.get();
        for (Endpoint e : due(tx.connection(), "LIFETIME <= ? AND STATE IN ('SO', 'SI', 'CO', 'DI')", now,
                endpoint -> !endpoint.lifetime().isAfter(now) && (endpoint.state().canSend()
                        || endpoint.state() == ConversationState.DISCONNECTED_INBOUND))) {
            if (current.service(e.serviceName()).isPresent()) {
                errors.raise(tx, current, e, BrokerError.DIALOG_LIFETIME_EXCEEDED.code(),
                        BrokerError.DIALOG_LIFETIME_EXCEEDED.describe(), now);
            }
        }
    }

    /** The endpoints {@code condition} finds, each re-checked with {@code stillDue} against its committed row. */
    private List<Endpoint> due(Connection c, String condition, Instant now, Predicate<Endpoint> stillDue)
            throws SQLException {
        List<Endpoint> found = new ArrayList<>();
        // Candidates are found without waiting on rows other transactions hold, then read properly one by one.
        try (PreparedStatement ps = c.prepareStatement("SELECT HANDLE FROM PARLEY.CONVERSATION_ENDPOINTS WHERE " + condition
                + store.config().dialect().dirtyReadClause())) {
            UtcTimestamps.write(ps, 1, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    endpoints.find(c, ConversationHandle.parse(rs.getString(1)))
                            .filter(stillDue)
                            .ifPresent(found::add);
                }
            }
        }
        return found;
    }

    private Instant nextDeadline(Connection c) throws SQLException {
        Instant next = null;
        String dirty = store.config().dialect().dirtyReadClause();
        for (String sql : List.of("SELECT MIN(DIALOG_TIMER) FROM PARLEY.CONVERSATION_ENDPOINTS" + dirty,
                "SELECT MIN(LIFETIME) FROM PARLEY.CONVERSATION_ENDPOINTS WHERE STATE IN ('SO', 'SI', 'CO', 'DI')" + dirty)) {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                Instant value = rs.next() ? UtcTimestamps.read(rs, 1) : null;
                if (value != null && (next == null || value.isBefore(next))) {
                    next = value;
                }
            }
        }
        return next;
    }
}
