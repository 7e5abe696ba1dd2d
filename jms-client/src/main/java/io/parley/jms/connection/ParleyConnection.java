package io.parley.jms.connection;

import io.parley.dialog.ConversationHandle;
import io.parley.jms.destination.TemporaryServiceDestination;
import io.parley.jms.session.BrokerLink;
import io.parley.jms.session.Errors;
import io.parley.jms.session.ParleySession;
import io.parley.jms.session.SessionOwner;
import io.parley.jms.session.TransactionSource;
import io.parley.store.StoreException;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * A connection to one broker of a node open in this process. It starts stopped: sessions can send at once, but
 * nothing is delivered to consumers until {@link #start()}. Closing it closes its sessions, deletes its temporary
 * queues and gives its node back ({@link SharedNodes}). Its sessions take their engine transactions from a
 * {@link TransactionSource}; a local connection begins them on the broker's store.
 */
public final class ParleyConnection implements QueueConnection, SessionOwner {
    private static final System.Logger LOG = System.getLogger(ParleyConnection.class.getName());

    private final SharedNodes.Lease lease;
    private final BrokerLink broker;
    private final ConnectionSettings settings;
    private final TransactionSource transactions;
    private final TemporaryQueues temporaryQueues;
    private final Set<ParleySession> sessions = new CopyOnWriteArraySet<>();
    private final Object startLock = new Object();
    private volatile boolean started;
    private volatile boolean closed;
    private volatile boolean used;
    private volatile boolean clientServiceReady;
    private volatile ExceptionListener exceptionListener;
    private String clientId;

    /**
     * A connection on the node of {@code lease}; creates the client service if the broker lacks it.
     *
     * @throws JMSException when the client service cannot be created
     */
    public ParleyConnection(SharedNodes.Lease lease, ConnectionSettings settings) throws JMSException {
        this.lease = lease;
        this.settings = settings;
        this.broker = lease.broker(settings.broker());
        this.transactions = broker.dialogs()::begin;
        this.temporaryQueues = new TemporaryQueues(broker, this);
        clientService();
    }

    // --- sessions

    @Override
    public Session createSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createQueueSession(transacted, acknowledgeMode);
    }

    @Override
    public Session createSession(int sessionMode) throws JMSException {
        return open(sessionMode);
    }

    @Override
    public Session createSession() throws JMSException {
        return open(Session.AUTO_ACKNOWLEDGE);
    }

    @Override
    public QueueSession createQueueSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return open(transacted ? Session.SESSION_TRANSACTED : acknowledgeMode);
    }

    /**
     * Shared-connection mode: a transacted session whose sends and receives run on the application's own JDBC
     * connection to the broker's database, so the application's SQL and the messaging commit together in one local
     * transaction, without XA. {@code commit()} and {@code rollback()} of the session end the connection's transaction;
     * closing the session rolls back what is not committed and leaves the connection open. The connection must be to
     * the broker's own database (for example from {@link #openDatabaseConnection()}) with auto-commit off.
     *
     * @throws IllegalStateException when the connection is to another database, auto-commits, or is closed
     */
    public QueueSession createSharedSession(java.sql.Connection application) throws JMSException {
        requireOpen();
        used = true;
        TransactionSource shared;
        try {
            shared = broker.sharing(application);
        } catch (StoreException e) {
            IllegalStateException refused = new IllegalStateException(e.getMessage());
            refused.initCause(e);
            throw refused;
        }
        ParleySession session = new ParleySession(this, Session.SESSION_TRANSACTED, shared);
        sessions.add(session);
        return session;
    }

    /**
     * A new JDBC connection to the broker's own database, for an application that keeps its tables there and binds a
     * session to it with {@link #createSharedSession}; auto-commit is off and the caller closes it.
     */
    public java.sql.Connection openDatabaseConnection() throws JMSException {
        requireOpen();
        try {
            return broker.openDatabaseConnection();
        } catch (StoreException e) {
            throw Errors.jms(e);
        }
    }

    private ParleySession open(int mode) throws JMSException {
        requireOpen();
        used = true;
        if (mode != Session.AUTO_ACKNOWLEDGE && mode != Session.CLIENT_ACKNOWLEDGE
                && mode != Session.DUPS_OK_ACKNOWLEDGE && mode != Session.SESSION_TRANSACTED) {
            throw new JMSException("session mode " + mode + " is none of AUTO_ACKNOWLEDGE (1), CLIENT_ACKNOWLEDGE (2),"
                    + " DUPS_OK_ACKNOWLEDGE (3) and SESSION_TRANSACTED (0)");
        }
        ParleySession session = new ParleySession(this, mode);
        sessions.add(session);
        return session;
    }

    // --- client ID, exception listener, metadata

    @Override
    public synchronized String getClientID() throws JMSException {
        requireOpen();
        return clientId;
    }

    /**
     * Sets the client ID once, before anything else is done with the connection.
     *
     * @throws jakarta.jms.InvalidClientIDException when another connection of this process uses it
     */
    @Override
    public synchronized void setClientID(String clientId) throws JMSException {
        requireOpen();
        if (this.clientId != null) {
            throw new IllegalStateException("the client ID is already set to '" + this.clientId + "'");
        }
        if (used) {
            throw new IllegalStateException("the client ID must be set before the connection is used");
        }
        ClientIds.take(clientId);
        this.clientId = clientId;
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        requireOpen();
        return new ParleyConnectionMetaData();
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        requireOpen();
        return exceptionListener;
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) throws JMSException {
        requireOpen();
        used = true;
        exceptionListener = listener;
    }

    // --- start, stop, close

    @Override
    public void start() throws JMSException {
        requireOpen();
        used = true;
        synchronized (startLock) {
            started = true;
            startLock.notifyAll();
        }
        sessions.forEach(ParleySession::wakeEveryone);
    }

    /**
     * Stops delivery: returns once no MessageListener of the connection is running, and delivers nothing more until
     * {@link #start()}; waiting receives go on waiting.
     *
     * @throws IllegalStateException from a MessageListener of this connection
     */
    @Override
    public void stop() throws JMSException {
        requireOpen();
        refuseFromListener("stop");
        used = true;
        started = false;
        for (ParleySession session : sessions) {
            session.wakeEveryone();
            session.awaitListenersIdle();
        }
    }

    /**
     * Closes the connection from any thread: its sessions roll back what they have not committed or acknowledged and
     * end their dialogs, waiting receives return null, and a MessageListener running on another thread finishes first.
     *
     * @throws IllegalStateException from a MessageListener of this connection
     */
    @Override
    public void close() throws JMSException {
        refuseFromListener("close");
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        synchronized (startLock) {
            started = false;
            startLock.notifyAll();
        }
        JMSException first = null;
        for (ParleySession session : List.copyOf(sessions)) {
            try {
                session.close();
            } catch (JMSException e) {
                first = first == null ? e : first;
            }
        }
        temporaryQueues.deleteAll();
        synchronized (this) {
            ClientIds.release(clientId);
        }
        lease.release();
        if (first != null) {
            throw first;
        }
    }

    private void refuseFromListener(String action) throws IllegalStateException {
        for (ParleySession session : sessions) {
            if (session.isDeliveryThread()) {
                throw new IllegalStateException("a MessageListener must not " + action + " its own connection");
            }
        }
    }

    // --- connection consumers are for application servers

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination destination, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        throw connectionConsumers();
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Queue queue, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        throw connectionConsumers();
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic topic, String subscriptionName,
                                                             String messageSelector, ServerSessionPool sessionPool,
                                                             int maxMessages) throws JMSException {
        throw connectionConsumers();
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic topic, String subscriptionName,
                                                              String messageSelector, ServerSessionPool sessionPool,
                                                              int maxMessages) throws JMSException {
        throw connectionConsumers();
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic topic, String subscriptionName,
                                                                    String messageSelector,
                                                                    ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        throw connectionConsumers();
    }

    private JMSException connectionConsumers() throws JMSException {
        requireOpen();
        return new JMSException("connection consumers (for application servers) are not supported;"
                + " use a MessageListener");
    }

    // --- what sessions ask of their connection

    @Override
    public BrokerLink broker() {
        return broker;
    }

    @Override
    public TransactionSource transactions() {
        return transactions;
    }

    @Override
    public String clientService() throws JMSException {
        if (!clientServiceReady) {
            try {
                broker.ensureService(settings.clientService(), settings.clientQueue());
            } catch (RuntimeException e) {
                throw Errors.jms(e);
            }
            clientServiceReady = true;
        }
        return settings.clientService();
    }

    @Override
    public String contract() {
        return settings.contract();
    }

    @Override
    public boolean isStarted() {
        return started;
    }

    @Override
    public boolean awaitStarted(long deadlineNanos) throws InterruptedException {
        synchronized (startLock) {
            while (!started && !closed) {
                long left = deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                startLock.wait(left == Long.MAX_VALUE ? 0 : Math.max(1, left / 1_000_000));
            }
            return started;
        }
    }

    @Override
    public void report(JMSException problem) {
        ExceptionListener listener = exceptionListener;
        if (listener == null) {
            LOG.log(Level.WARNING, "PRL-3003 message delivery of a connection to broker '" + broker.name() + "' failed;"
                    + " set an ExceptionListener to handle it", problem);
            return;
        }
        try {
            listener.onException(problem);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the ExceptionListener of a connection to broker '" + broker.name() + "' threw", e);
        }
    }

    @Override
    public TemporaryServiceDestination createTemporaryQueue() throws JMSException {
        requireOpen();
        return temporaryQueues.create();
    }

    @Override
    public boolean ownsLiveTemporaryQueue(TemporaryServiceDestination queue) {
        return queue.isOwnedBy(this) && temporaryQueues.isLive(queue);
    }

    @Override
    public boolean adoptDialog(String service, ConversationHandle dialog) {
        return temporaryQueues.adopt(service, dialog);
    }

    @Override
    public void consumerOpened(TemporaryServiceDestination queue, boolean opened) {
        temporaryQueues.consumerOpened(queue, opened);
    }

    @Override
    public void sessionClosed(ParleySession session) {
        sessions.remove(session);
    }

    private void requireOpen() throws IllegalStateException {
        if (closed) {
            throw Errors.closed("connection");
        }
    }

    @Override
    public String toString() {
        return "connection to broker '" + broker.name() + "'" + (clientId == null ? "" : " as '" + clientId + "'");
    }
}
