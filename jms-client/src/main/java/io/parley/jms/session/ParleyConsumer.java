package io.parley.jms.session;

import io.parley.jms.destination.TemporaryServiceDestination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;

/**
 * A consumer of a service's messages: {@code receive} in the caller's thread, or a MessageListener called on the
 * session's delivery thread ({@link Delivery}), never both. A consumer with a selector leaves the messages it does
 * not select in the queue for others ({@link QueueScan} says how).
 */
public final class ParleyConsumer implements QueueReceiver {
    private final ParleySession session;
    private final Queue queue;
    private final QueueScan.Subscription subscription;
    private final TemporaryServiceDestination temporary;
    private volatile MessageListener listener;
    private volatile boolean closed;

    ParleyConsumer(ParleySession session, Queue queue, QueueScan.Subscription subscription,
                   TemporaryServiceDestination temporary) {
        this.session = session;
        this.queue = queue;
        this.subscription = subscription;
        this.temporary = temporary;
    }

    @Override
    public String getMessageSelector() throws JMSException {
        requireOpen();
        return subscription.selector().text();
    }

    @Override
    public MessageListener getMessageListener() throws JMSException {
        requireOpen();
        return listener;
    }

    /** Sets the listener; from then on the session's delivery thread delivers this consumer's messages to it. */
    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        requireOpen();
        this.listener = listener;
        if (listener != null) {
            session.delivery().startListening();
        }
        session.wakeEveryone();
    }

    @Override
    public Message receive() throws JMSException {
        return receiveWithin(-1);
    }

    @Override
    public Message receive(long timeout) throws JMSException {
        return receiveWithin(timeout == 0 ? -1 : Math.max(timeout, 1));
    }

    @Override
    public Message receiveNoWait() throws JMSException {
        return receiveWithin(0);
    }

    /**
     * JMSConsumer's receiveBody: the body of the next message as {@code type}, waiting {@code timeoutMillis} (negative:
     * no limit); null when none came. A message whose body is not assignable to {@code type} (or that has none to
     * give, as a plain Message or a StreamMessage) is a MessageFormatException and is not acknowledged.
     */
    public <T> T receiveBody(Class<T> type, long timeoutMillis) throws JMSException {
        Message message = receiveWithin(timeoutMillis, m -> {
            if (!(m instanceof jakarta.jms.TextMessage || m instanceof jakarta.jms.MapMessage
                    || m instanceof jakarta.jms.BytesMessage || m instanceof jakarta.jms.ObjectMessage)
                    || !m.isBodyAssignableTo(type)) {
                throw new jakarta.jms.MessageFormatException("the body of " + m.getJMSMessageID() + " ("
                        + m.getClass().getSimpleName() + ") cannot be received as " + type.getName());
            }
        });
        return message == null ? null : message.getBody(type);
    }

    private Message receiveWithin(long timeoutMillis) throws JMSException {
        return receiveWithin(timeoutMillis, null);
    }

    private Message receiveWithin(long timeoutMillis, Delivery.BodyCheck check) throws JMSException {
        requireOpen();
        if (listener != null) {
            throw new IllegalStateException("this consumer has a MessageListener; receive() is not allowed");
        }
        if (session.delivery().isListening()) {
            throw new IllegalStateException("the session delivers to MessageListeners on its own thread; a"
                    + " synchronous receive on it is not allowed");
        }
        return session.delivery().receive(this, timeoutMillis, check);
    }

    @Override
    public Queue getQueue() throws JMSException {
        requireOpen();
        return queue;
    }

    /**
     * Closes the consumer; a receive waiting in another thread returns null. From the consumer's own MessageListener
     * the listener may finish its message.
     */
    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        closed = true;
        session.wakeEveryone();
        if (!session.isDeliveryThread()) {
            session.awaitListenersIdle();
        }
        session.consumerClosed(this);
    }

    void closedWithSession() {
        if (!closed) {
            closed = true;
            session.consumerClosed(this);
        }
    }

    boolean isClosed() {
        return closed || session.isClosed();
    }

    MessageListener listener() {
        return listener;
    }

    QueueScan.Subscription subscription() {
        return subscription;
    }

    TemporaryServiceDestination temporary() {
        return temporary;
    }

    private void requireOpen() throws IllegalStateException {
        if (isClosed()) {
            throw Errors.closed("consumer");
        }
    }

    @Override
    public String toString() {
        return "consumer of " + queue + (subscription.selector().selectsEverything() ? ""
                : " selecting " + subscription.selector());
    }
}
