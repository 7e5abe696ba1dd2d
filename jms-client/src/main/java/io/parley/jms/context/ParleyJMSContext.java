package io.parley.jms.context;

import static io.parley.jms.context.RuntimeExceptions.unchecked;

import io.parley.jms.connection.ParleyConnection;
import io.parley.jms.session.Conversations;
import io.parley.jms.session.ParleySession;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.io.Serializable;

/**
 * A JMSContext: one session on a connection that contexts made with {@link #createContext(int)} share, closed with the
 * last of them. With auto-start on (the default) the connection starts when the context creates its first consumer.
 * Every checked exception of the classic API comes out as its {@code JMSRuntimeException} counterpart.
 */
public final class ParleyJMSContext implements JMSContext {
    private final SharedConnection connection;
    private final ParleySession session;
    private final int sessionMode;
    private volatile boolean autoStart = true;
    private volatile boolean closed;

    /** The connection of one or more contexts, closed when the last of them closes. */
    private static final class SharedConnection {
        private final ParleyConnection connection;
        private int contexts;

        private SharedConnection(ParleyConnection connection) {
            this.connection = connection;
        }

        synchronized void attach() {
            contexts++;
        }

        synchronized boolean detach() {
            return --contexts == 0;
        }
    }

    private ParleyJMSContext(SharedConnection connection, int sessionMode) throws JMSException {
        this.connection = connection;
        this.sessionMode = sessionMode;
        this.session = (ParleySession) connection.connection.createSession(sessionMode);
        connection.attach();
    }

    /** A context with a session of {@code sessionMode} on a new connection, which it closes when it is closed. */
    public static JMSContext open(ParleyConnection connection, int sessionMode) throws JMSException {
        try {
            return new ParleyJMSContext(new SharedConnection(connection), sessionMode);
        } catch (JMSException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        requireOpen();
        return unchecked(() -> new ParleyJMSContext(connection, sessionMode));
    }

    @Override
    public JMSProducer createProducer() {
        requireOpen();
        return unchecked(() -> new ParleyJMSProducer(this, session.createProducer(null)));
    }

    @Override
    public String getClientID() {
        return unchecked(connection.connection::getClientID);
    }

    @Override
    public void setClientID(String clientID) {
        unchecked(() -> connection.connection.setClientID(clientID));
    }

    @Override
    public ConnectionMetaData getMetaData() {
        return unchecked(connection.connection::getMetaData);
    }

    @Override
    public ExceptionListener getExceptionListener() {
        return unchecked(connection.connection::getExceptionListener);
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) {
        unchecked(() -> connection.connection.setExceptionListener(listener));
    }

    @Override
    public void start() {
        unchecked(connection.connection::start);
    }

    @Override
    public void stop() {
        unchecked(connection.connection::stop);
    }

    @Override
    public void setAutoStart(boolean autoStart) {
        requireOpen();
        this.autoStart = autoStart;
    }

    @Override
    public boolean getAutoStart() {
        requireOpen();
        return autoStart;
    }

    /**
     * Closes the session, and the connection if no other context uses it.
     *
     * @throws IllegalStateRuntimeException from a MessageListener or CompletionListener of this context
     */
    @Override
    public void close() {
        if (session.isDeliveryThread()) {
            throw new IllegalStateRuntimeException("a MessageListener must not close its own JMSContext");
        }
        if (closed) {
            return;
        }
        unchecked(session::close);
        closed = true;
        if (connection.detach()) {
            unchecked(connection.connection::close);
        }
    }

    @Override
    public BytesMessage createBytesMessage() {
        return unchecked(session::createBytesMessage);
    }

    @Override
    public MapMessage createMapMessage() {
        return unchecked(session::createMapMessage);
    }

    @Override
    public Message createMessage() {
        return unchecked(session::createMessage);
    }

    @Override
    public ObjectMessage createObjectMessage() {
        return unchecked(() -> session.createObjectMessage());
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) {
        return unchecked(() -> session.createObjectMessage(object));
    }

    @Override
    public StreamMessage createStreamMessage() {
        return unchecked(session::createStreamMessage);
    }

    @Override
    public TextMessage createTextMessage() {
        return unchecked(() -> session.createTextMessage());
    }

    @Override
    public TextMessage createTextMessage(String text) {
        return unchecked(() -> session.createTextMessage(text));
    }

    @Override
    public boolean getTransacted() {
        return unchecked(session::getTransacted);
    }

    @Override
    public int getSessionMode() {
        requireOpen();
        return sessionMode;
    }

    @Override
    public void commit() {
        unchecked(session::commit);
    }

    @Override
    public void rollback() {
        unchecked(session::rollback);
    }

    @Override
    public void recover() {
        unchecked(session::recover);
    }

    @Override
    public JMSConsumer createConsumer(Destination destination) {
        return createConsumer(destination, null);
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector) {
        return consumer(() -> session.createConsumer(destination, messageSelector));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal) {
        return consumer(() -> session.createConsumer(destination, messageSelector, noLocal));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) {
        return consumer(() -> session.createSharedConsumer(topic, sharedSubscriptionName));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector) {
        return consumer(() -> session.createSharedConsumer(topic, sharedSubscriptionName, messageSelector));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name) {
        return consumer(() -> session.createDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal) {
        return consumer(() -> session.createDurableConsumer(topic, name, messageSelector, noLocal));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name) {
        return consumer(() -> session.createSharedDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector) {
        return consumer(() -> session.createSharedDurableConsumer(topic, name, messageSelector));
    }

    private JMSConsumer consumer(RuntimeExceptions.Call<jakarta.jms.MessageConsumer> create) {
        JMSConsumer consumer = new ParleyJMSConsumer(unchecked(create));
        if (autoStart) {
            unchecked(connection.connection::start);
        }
        return consumer;
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) {
        return unchecked(() -> session.createBrowser(queue));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) {
        return unchecked(() -> session.createBrowser(queue, messageSelector));
    }

    @Override
    public Queue createQueue(String queueName) {
        return unchecked(() -> session.createQueue(queueName));
    }

    @Override
    public Topic createTopic(String topicName) {
        return unchecked(() -> session.createTopic(topicName));
    }

    @Override
    public TemporaryQueue createTemporaryQueue() {
        return unchecked(session::createTemporaryQueue);
    }

    @Override
    public TemporaryTopic createTemporaryTopic() {
        return unchecked(session::createTemporaryTopic);
    }

    @Override
    public void unsubscribe(String name) {
        unchecked(() -> session.unsubscribe(name));
    }

    @Override
    public void acknowledge() {
        unchecked(session::acknowledgeAll);
    }

    /** Service Broker's conversation verbs on this context's session: explicit BEGIN, END, END WITH ERROR, timers. */
    public Conversations conversations() {
        requireOpen();
        return Conversations.of(session);
    }

    ParleySession session() {
        return session;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateRuntimeException("the JMSContext is closed");
        }
    }
}
