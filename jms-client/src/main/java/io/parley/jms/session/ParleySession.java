package io.parley.jms.session;

import io.parley.jms.destination.ConversationDestination;
import io.parley.jms.destination.ParleyDestination;
import io.parley.jms.destination.ServiceDestination;
import io.parley.jms.destination.TemporaryServiceDestination;
import io.parley.jms.selector.MessageSelector;
import io.parley.store.Transaction;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.TemporaryQueue;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A Jakarta Messaging session over one broker: a single-threaded context for producing and consuming, whose work
 * runs in engine transactions as its acknowledge mode says ({@link SessionWork}), whose producers send on its
 * dialogs ({@link SessionDialogs}), and whose MessageListeners are called on its one delivery thread
 * ({@link Delivery}). Topics are not supported yet; asking for one is a JMSException.
 */
public final class ParleySession extends SessionDefaults {
    private static final System.Logger LOG = System.getLogger(ParleySession.class.getName());
    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final SessionOwner owner;
    private final SessionWork work;
    private final SessionDialogs dialogs;
    private final QueueScan scan;
    private final Delivery delivery = new Delivery(this);
    private final Sender sender = new Sender(this);
    private final CompletionCallbacks callbacks = new CompletionCallbacks("session-" + id);
    private final ReentrantLock lock = new ReentrantLock();
    private final Set<ParleyConsumer> consumers = new CopyOnWriteArraySet<>();
    private final Set<ParleyProducer> producers = new CopyOnWriteArraySet<>();
    private volatile boolean closed;

    public ParleySession(SessionOwner owner, int acknowledgeMode) {
        this(owner, acknowledgeMode, owner.transactions());
    }

    /** A session whose engine transactions come from {@code transactions} instead of its connection's. */
    public ParleySession(SessionOwner owner, int acknowledgeMode, TransactionSource transactions) {
        this.owner = owner;
        this.work = new SessionWork(acknowledgeMode, transactions);
        this.dialogs = new SessionDialogs(owner);
        this.scan = new QueueScan(owner.broker());
    }

    // --- transactions and acknowledgement

    @Override
    public boolean getTransacted() throws JMSException {
        requireOpen();
        return work.transacted();
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        requireOpen();
        return work.mode();
    }

    @Override
    public void commit() throws JMSException {
        requireOpen();
        requireTransacted("commit");
        refuseFromCompletionListener("commit");
        callbacks.awaitIdle();
        inLock(work::commit);
    }

    @Override
    public void rollback() throws JMSException {
        requireOpen();
        requireTransacted("rollback");
        refuseFromCompletionListener("rollback");
        callbacks.awaitIdle();
        inLock(work::rollback);
    }

    @Override
    public void recover() throws JMSException {
        requireOpen();
        inLock(work::recover);
    }

    /** JMSContext's acknowledge: in CLIENT_ACKNOWLEDGE mode, acknowledges every message the session consumed. */
    public void acknowledgeAll() throws JMSException {
        requireOpen();
        acknowledge();
    }

    /** What {@code Message.acknowledge()} does on a message this session delivered. */
    void acknowledge() throws JMSException {
        if (closed) {
            throw new IllegalStateException("cannot acknowledge: the session that delivered the message is closed");
        }
        inLock(work::acknowledge);
    }

    // --- destinations

    @Override
    public Queue createQueue(String queueName) throws JMSException {
        requireOpen();
        return Destinations.named(queueName);
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        requireOpen();
        return owner.createTemporaryQueue();
    }

    // --- producers, consumers, browsers

    @Override
    public QueueSender createProducer(Destination destination) throws JMSException {
        requireOpen();
        ParleyDestination target = destination == null ? null : Destinations.of(destination);
        if (target != null && !(target instanceof ConversationDestination)) {
            owner.broker().requireReachable(new ServiceDestination(target.name()));
        }
        ParleyProducer producer = new ParleyProducer(this, target);
        producers.add(producer);
        return producer;
    }

    @Override
    public QueueSender createSender(Queue queue) throws JMSException {
        return createProducer(queue);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination) throws JMSException {
        return createConsumer(destination, null);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector) throws JMSException {
        requireOpen();
        QueueScan.Subscription subscription = subscribe(destination, messageSelector, "consume from");
        TemporaryServiceDestination temporary = destination instanceof TemporaryServiceDestination t ? t : null;
        ParleyConsumer consumer = new ParleyConsumer(this, (Queue) destination, subscription, temporary);
        if (temporary != null) {
            owner.consumerOpened(temporary, true);
        }
        consumers.add(consumer);
        return consumer;
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal)
            throws JMSException {
        return createConsumer(destination, messageSelector);
    }

    @Override
    public QueueReceiver createReceiver(Queue queue) throws JMSException {
        return (QueueReceiver) createConsumer(queue);
    }

    @Override
    public QueueReceiver createReceiver(Queue queue, String messageSelector) throws JMSException {
        return (QueueReceiver) createConsumer(queue, messageSelector);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) throws JMSException {
        return createBrowser(queue, null);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) throws JMSException {
        requireOpen();
        return new ParleyBrowser(this, queue, subscribe(queue, messageSelector, "browse"));
    }

    /** What a consumer or browser of {@code destination} reads; checks the destination and the selector. */
    private QueueScan.Subscription subscribe(Destination destination, String selector, String verb)
            throws JMSException {
        ParleyDestination target = Destinations.of(destination);
        if (target instanceof ConversationDestination) {
            throw new InvalidDestinationException("cannot " + verb + " " + target + ": a conversation is where replies"
                    + " go; consume from the queue of the service at its other end", target.name());
        }
        if (target instanceof TemporaryServiceDestination temporary && !owner.ownsLiveTemporaryQueue(temporary)) {
            throw new InvalidDestinationException("cannot " + verb + " " + target + ": it was deleted or belongs to"
                    + " another connection", target.name());
        }
        MessageSelector parsed = MessageSelector.parse(selector);
        String queue = owner.broker().queueOf(new ServiceDestination(target.name()));
        return new QueueScan.Subscription(queue, target.name(), parsed);
    }

    // --- the session's own listener (for application servers) is not offered

    @Override
    public MessageListener getMessageListener() throws JMSException {
        requireOpen();
        return null;
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        requireOpen();
        throw new JMSException("a session's own MessageListener (for connection consumers) is not supported;"
                + " set a listener on a MessageConsumer");
    }

    @Override
    public void run() {
        throw new IllegalStateRuntimeException(
                "Session.run() serves connection consumers, which Parley does not offer");
    }

    // --- closing

    /**
     * Closes the session: rolls back what is not committed or acknowledged, ends the dialogs it began, closes its
     * producers and consumers and waits for a MessageListener in progress on another thread to return.
     *
     * @throws IllegalStateException from the session's own MessageListener or CompletionListener (deadlock)
     */
    @Override
    public void close() throws JMSException {
        if (delivery.isDeliveryThread()) {
            throw new IllegalStateException("a MessageListener must not close its own session");
        }
        refuseFromCompletionListener("close the session");
        if (closed) {
            return;
        }
        closed = true;
        wakeEveryone();
        callbacks.awaitIdle();
        lock.lock();
        try {
            work.rollback();
            endDialogs();
            consumers.forEach(ParleyConsumer::closedWithSession);
            producers.forEach(ParleyProducer::closedWithSession);
        } finally {
            lock.unlock();
        }
        delivery.awaitEnd();
        callbacks.shutdown();
        owner.sessionClosed(this);
    }

    private void endDialogs() {
        Transaction tx = owner.transactions().begin();
        try {
            dialogs.endAll(tx);
            tx.commit();
        } catch (RuntimeException e) {
            tx.rollback();
            LOG.log(Level.WARNING, "PRL-3001 session " + id + " could not end its dialogs; they stay open until the"
                    + " other side ends them", e);
        }
    }

    // --- for the package

    long id() {
        return id;
    }

    SessionOwner owner() {
        return owner;
    }

    SessionWork work() {
        return work;
    }

    SessionDialogs dialogs() {
        return dialogs;
    }

    QueueScan scan() {
        return scan;
    }

    Sender sender() {
        return sender;
    }

    Delivery delivery() {
        return delivery;
    }

    CompletionCallbacks callbacks() {
        return callbacks;
    }

    ReentrantLock lock() {
        return lock;
    }

    public boolean isClosed() {
        return closed;
    }

    /** The signal key the delivery thread also waits on, so listeners added and close wake it. */
    String wakeQueue() {
        return "parley-session-" + id;
    }

    List<ParleyConsumer> listeningConsumers() {
        List<ParleyConsumer> listening = new ArrayList<>();
        for (ParleyConsumer consumer : consumers) {
            if (!consumer.isClosed() && consumer.listener() != null) {
                listening.add(consumer);
            }
        }
        return listening;
    }

    void consumerClosed(ParleyConsumer consumer) {
        consumers.remove(consumer);
        if (consumer.temporary() != null) {
            owner.consumerOpened(consumer.temporary(), false);
        }
    }

    void producerClosed(ParleyProducer producer) {
        producers.remove(producer);
    }

    /** Wakes every receive and the delivery thread waiting on this session's queues: to stop, close or listen. */
    public void wakeEveryone() {
        owner.broker().dialogs().queueWaits().wake(wakeQueue());
        for (ParleyConsumer consumer : consumers) {
            owner.broker().dialogs().queueWaits().wake(consumer.subscription().queue());
        }
    }

    /** Waits until no MessageListener of this session is running; they start no new delivery while stopped. */
    public void awaitListenersIdle() {
        if (!delivery.isDeliveryThread()) {
            lock.lock();
            lock.unlock();
        }
    }

    /** Whether the calling thread is this session's delivery thread, inside a MessageListener. */
    public boolean isDeliveryThread() {
        return delivery.isDeliveryThread();
    }

    @Override
    void requireOpen() throws IllegalStateException {
        if (closed) {
            throw Errors.closed("session");
        }
    }

    private void requireTransacted(String action) throws IllegalStateException {
        if (!work.transacted()) {
            throw new IllegalStateException("cannot " + action + ": the session is not transacted");
        }
    }

    private void refuseFromCompletionListener(String action) throws IllegalStateException {
        if (callbacks.isCallbackThread()) {
            throw new IllegalStateException("a CompletionListener must not " + action + " of its own session");
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws JMSException;
    }

    private void inLock(Work action) throws JMSException {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "session " + id + " on broker '" + owner.broker().name() + "'";
    }
}
