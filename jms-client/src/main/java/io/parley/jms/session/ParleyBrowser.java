package io.parley.jms.session;

import io.parley.dialog.ReceivedMessage;
import io.parley.jms.message.ParleyMessage;
import io.parley.store.Transaction;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Looks at the messages waiting for a service without taking them: each enumeration reads the ready messages of the
 * service's queue once, in RECEIVE's order, through the read-only view {@code SB.QUEUE_MESSAGES}, and shows those
 * a consumer with the same selector could be given now (not expired, delivery time reached).
 */
final class ParleyBrowser implements QueueBrowser {
    private final ParleySession session;
    private final Queue queue;
    private final QueueScan.Subscription subscription;
    private volatile boolean closed;

    ParleyBrowser(ParleySession session, Queue queue, QueueScan.Subscription subscription) {
        this.session = session;
        this.queue = queue;
        this.subscription = subscription;
    }

    @Override
    public Queue getQueue() throws JMSException {
        requireOpen();
        return queue;
    }

    @Override
    public String getMessageSelector() throws JMSException {
        requireOpen();
        return subscription.selector().text();
    }

    @Override
    public Enumeration<Message> getEnumeration() throws JMSException {
        requireOpen();
        List<ReceivedMessage> ready;
        Transaction tx = session.owner().transactions().begin();
        try {
            ready = QueueScan.readyMessages(tx.connection(), session.owner().broker(), subscription.queue(),
                    subscription.service());
        } catch (SQLException e) {
            throw Errors.jms("browse queue '" + subscription.queue() + "'", e);
        } finally {
            tx.rollback();
        }
        List<Message> visible = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (ReceivedMessage received : ready) {
            ParleyMessage message = ReceivedMessages.toJms(received);
            if (!QueueScan.isExpired(received, message, now) && message.getJMSDeliveryTime() <= now
                    && subscription.selector().matches(message)) {
                visible.add(message);
            }
        }
        return Collections.enumeration(visible);
    }

    @Override
    public void close() {
        closed = true;
    }

    private void requireOpen() throws IllegalStateException {
        if (closed || session.isClosed()) {
            throw Errors.closed("browser");
        }
    }
}
