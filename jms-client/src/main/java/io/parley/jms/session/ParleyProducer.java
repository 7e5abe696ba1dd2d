package io.parley.jms.session;

import io.parley.jms.destination.ParleyDestination;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueSender;
import java.util.Objects;

/**
 * A message producer of a session, with or without a destination of its own. Its settings are the defaults of each
 * send; {@link Sender} does the sending. Priority travels in the message: the engine has no broker priorities yet,
 * and a session's messages to one service are delivered in order on one dialog whatever their priority. Both
 * delivery modes are stored durably, as everything the engine keeps.
 */
public final class ParleyProducer implements QueueSender {
    private final ParleySession session;
    private final ParleyDestination destination;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLive = Message.DEFAULT_TIME_TO_LIVE;
    private long deliveryDelay = Message.DEFAULT_DELIVERY_DELAY;
    private boolean disableMessageId;
    private boolean disableTimestamp;
    private volatile boolean closed;

    ParleyProducer(ParleySession session, ParleyDestination destination) {
        this.session = session;
        this.destination = destination;
    }

    @Override
    public void setDisableMessageID(boolean value) throws JMSException {
        requireOpen();
        disableMessageId = value;
    }

    @Override
    public boolean getDisableMessageID() throws JMSException {
        requireOpen();
        return disableMessageId;
    }

    @Override
    public void setDisableMessageTimestamp(boolean value) throws JMSException {
        requireOpen();
        disableTimestamp = value;
    }

    @Override
    public boolean getDisableMessageTimestamp() throws JMSException {
        requireOpen();
        return disableTimestamp;
    }

    @Override
    public void setDeliveryMode(int deliveryMode) throws JMSException {
        requireOpen();
        if (deliveryMode != DeliveryMode.PERSISTENT && deliveryMode != DeliveryMode.NON_PERSISTENT) {
            throw new JMSException("delivery mode " + deliveryMode
                    + " is neither PERSISTENT (2) nor NON_PERSISTENT (1)");
        }
        this.deliveryMode = deliveryMode;
    }

    @Override
    public int getDeliveryMode() throws JMSException {
        requireOpen();
        return deliveryMode;
    }

    @Override
    public void setPriority(int priority) throws JMSException {
        requireOpen();
        if (priority < 0 || priority > 9) {
            throw new JMSException("priority " + priority + " is outside 0..9");
        }
        this.priority = priority;
    }

    @Override
    public int getPriority() throws JMSException {
        requireOpen();
        return priority;
    }

    @Override
    public void setTimeToLive(long timeToLive) throws JMSException {
        requireOpen();
        this.timeToLive = timeToLive;
    }

    @Override
    public long getTimeToLive() throws JMSException {
        requireOpen();
        return timeToLive;
    }

    @Override
    public void setDeliveryDelay(long deliveryDelay) throws JMSException {
        requireOpen();
        this.deliveryDelay = deliveryDelay;
    }

    @Override
    public long getDeliveryDelay() throws JMSException {
        requireOpen();
        return deliveryDelay;
    }

    @Override
    public Destination getDestination() throws JMSException {
        requireOpen();
        return destination;
    }

    @Override
    public Queue getQueue() throws JMSException {
        requireOpen();
        return destination;
    }

    @Override
    public void send(Message message) throws JMSException {
        send(message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(Message message, int deliveryMode, int priority, long timeToLive) throws JMSException {
        sendToOwn(message, options(deliveryMode, priority, timeToLive), null);
    }

    @Override
    public void send(Destination destination, Message message) throws JMSException {
        send(destination, message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(Destination destination, Message message, int deliveryMode, int priority, long timeToLive)
            throws JMSException {
        sendTo(destination, message, options(deliveryMode, priority, timeToLive), null);
    }

    @Override
    public void send(Message message, CompletionListener listener) throws JMSException {
        send(message, deliveryMode, priority, timeToLive, listener);
    }

    @Override
    public void send(Message message, int deliveryMode, int priority, long timeToLive, CompletionListener listener)
            throws JMSException {
        sendToOwn(message, options(deliveryMode, priority, timeToLive), requireListener(listener));
    }

    @Override
    public void send(Destination destination, Message message, CompletionListener listener) throws JMSException {
        send(destination, message, deliveryMode, priority, timeToLive, listener);
    }

    @Override
    public void send(Destination destination, Message message, int deliveryMode, int priority, long timeToLive,
                     CompletionListener listener) throws JMSException {
        sendTo(destination, message, options(deliveryMode, priority, timeToLive), requireListener(listener));
    }

    @Override
    public void send(Queue queue, Message message) throws JMSException {
        send((Destination) queue, message);
    }

    @Override
    public void send(Queue queue, Message message, int deliveryMode, int priority, long timeToLive)
            throws JMSException {
        send((Destination) queue, message, deliveryMode, priority, timeToLive);
    }

    private Sender.Options options(int deliveryMode, int priority, long timeToLive) {
        return new Sender.Options(deliveryMode, priority, timeToLive, deliveryDelay, disableMessageId,
                disableTimestamp);
    }

    private void sendToOwn(Message message, Sender.Options options, CompletionListener listener) throws JMSException {
        requireOpen();
        if (destination == null) {
            throw new UnsupportedOperationException("this producer has no destination of its own: name one per send");
        }
        send(destination, message, options, listener);
    }

    private void sendTo(Destination target, Message message, Sender.Options options, CompletionListener listener)
            throws JMSException {
        requireOpen();
        if (destination != null) {
            throw new UnsupportedOperationException("this producer sends to " + destination
                    + " only; create one without a destination to name one per send");
        }
        if (target == null) {
            throw new InvalidDestinationException("the destination of the send must not be null");
        }
        send(Destinations.of(target), message, options, listener);
    }

    private void send(ParleyDestination target, Message message, Sender.Options options, CompletionListener listener)
            throws JMSException {
        session.lock().lock();
        try {
            session.requireOpen();
            session.sender().send(target, message, options, listener);
        } finally {
            session.lock().unlock();
        }
    }

    private static CompletionListener requireListener(CompletionListener listener) {
        return Objects.requireNonNull(listener, "the CompletionListener of an asynchronous send must not be null");
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            session.producerClosed(this);
        }
    }

    void closedWithSession() {
        closed = true;
    }

    private void requireOpen() throws IllegalStateException {
        if (closed) {
            throw Errors.closed("producer");
        }
    }

    @Override
    public String toString() {
        return "producer of " + session + (destination == null ? "" : " to " + destination);
    }
}
