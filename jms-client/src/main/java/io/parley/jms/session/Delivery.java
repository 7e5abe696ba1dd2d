package io.parley.jms.session;

import io.parley.dialog.DialogException;
import io.parley.dialog.ReceivedMessage;
import io.parley.jms.message.ParleyMessage;
import io.parley.jms.session.QueueScan.Outcome;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a session delivers: synchronous receives, and the session's one delivery thread for its MessageListeners. Both
 * look at the queue under the session's lock and wait outside it for the queue to change, woken by the commits that
 * make messages ready (the engine's WAITFOR signal), by a group another session gives up, by close and by stop; a
 * wait also ends at the earliest JMSDeliveryTime passed over. A received EndDialog or Error ends this side of its
 * conversation in the receiving transaction, so endpoints do not linger once both sides are done.
 */
final class Delivery {
    private static final System.Logger LOG = System.getLogger(Delivery.class.getName());
    private static final long FOREVER = Long.MAX_VALUE;

    private final ParleySession session;
    private Thread thread;

    Delivery(ParleySession session) {
        this.session = session;
    }

    /** What a consumer asks of a message before it is acknowledged: receiveBody's check of the body type. */
    @FunctionalInterface
    interface BodyCheck {
        void check(Message message) throws JMSException;
    }

    /**
     * Receives for {@code consumer} within {@code timeoutMillis} (negative: no limit); null when none came. A message
     * failing {@code check} is not acknowledged: in the automatic modes it goes back to be delivered again.
     */
    Message receive(ParleyConsumer consumer, long timeoutMillis, BodyCheck check) throws JMSException {
        long deadline = timeoutMillis < 0 ? FOREVER : System.nanoTime() + timeoutMillis * 1_000_000;
        try {
            while (!consumer.isClosed()) {
                if (!session.owner().isStarted()) {
                    if (!session.owner().awaitStarted(deadline)) {
                        return null;
                    }
                    continue;
                }
                String queue = consumer.subscription().queue();
                long seen = session.owner().broker().dialogs().queueWaits().version(queue);
                Attempt attempt = attempt(consumer, check);
                if (attempt.message() != null) {
                    return attempt.message();
                }
                if (!await(Map.of(queue, seen), deadline, attempt.nextDeliveryTime())) {
                    return null;
                }
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private record Attempt(Message message, long nextDeliveryTime) {
    }

    /**
     * One look at the consumer's queue under the session's lock, and the delivery of what it finds: to the
     * consumer's MessageListener when it has one, else to the caller after {@code check}.
     */
    private Attempt attempt(ParleyConsumer consumer, BodyCheck check) throws JMSException {
        session.lock().lock();
        try {
            if (consumer.isClosed() || !session.owner().isStarted()) {
                return new Attempt(null, 0);
            }
            SessionWork work = session.work();
            Outcome outcome;
            try {
                outcome = session.scan().takeNext(work.receiving(), consumer.subscription());
            } catch (RuntimeException e) {
                work.rollback();
                throw Errors.jms(e);
            }
            if (outcome.taken() == null) {
                work.delivered();
                return new Attempt(null, outcome.nextDeliveryTime());
            }
            ParleyMessage message = delivered(outcome.taken());
            MessageListener listener = consumer.listener();
            if (check != null) {
                try {
                    check.check(message);
                } catch (JMSException e) {
                    work.deliveryFailed();
                    throw e;
                }
            } else if (listener != null) {
                try {
                    listener.onMessage(message);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "the MessageListener of " + consumer + " threw on "
                            + message.getJMSMessageID() + "; " + (work.transacted()
                            ? "the session's transaction decides" : "it is delivered again"), e);
                    work.deliveryFailed();
                    return new Attempt(message, 0);
                }
            }
            work.delivered();
            return new Attempt(message, 0);
        } finally {
            session.lock().unlock();
        }
    }

    /** What the provider does on delivering a message, in the receiving transaction. */
    private ParleyMessage delivered(QueueScan.Taken taken) {
        ReceivedMessage received = taken.received();
        SessionWork work = session.work();
        if (received.isEndDialog() || received.isError()) {
            try {
                session.owner().broker().dialogs().end(work.receiving(), received.conversationHandle());
            } catch (DialogException e) {
                LOG.log(Level.DEBUG, () -> "conversation " + received.conversationHandle() + " already ended: "
                        + e.getMessage());
            }
        }
        work.received(received.conversationHandle());
        ParleyMessage message = taken.message();
        message.setAcknowledger(m -> session.acknowledge());
        return message;
    }

    /** Waits for a change of the queues or the deadline; false when the deadline has passed. */
    private boolean await(Map<String, Long> seen, long deadline, long nextDeliveryTime) throws InterruptedException {
        long now = System.nanoTime();
        if (deadline != FOREVER && deadline - now <= 0) {
            return false;
        }
        long wait = deadline == FOREVER ? Long.MAX_VALUE : deadline - now;
        if (nextDeliveryTime != 0) {
            wait = Math.min(wait, Math.max(1, nextDeliveryTime - System.currentTimeMillis()) * 1_000_000);
        }
        session.owner().broker().dialogs().queueWaits().awaitChange(seen, Duration.ofNanos(wait));
        return true;
    }

    /** Starts the session's delivery thread unless it runs already. */
    synchronized void startListening() {
        if (thread == null) {
            thread = new Thread(this::listen, "parley-session-" + session.id());
            thread.setDaemon(true);
            thread.start();
        }
    }

    boolean isListening() {
        return thread != null;
    }

    boolean isDeliveryThread() {
        return Thread.currentThread() == thread;
    }

    /** Waits for the delivery thread to end after the session closed; not from the thread itself. */
    void awaitEnd() {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void listen() {
        while (!session.isClosed()) {
            try {
                if (!session.owner().isStarted()) {
                    session.owner().awaitStarted(FOREVER);
                    continue;
                }
                List<ParleyConsumer> consumers = session.listeningConsumers();
                Map<String, Long> seen = new HashMap<>();
                for (ParleyConsumer consumer : consumers) {
                    String queue = consumer.subscription().queue();
                    seen.put(queue, session.owner().broker().dialogs().queueWaits().version(queue));
                }
                String wake = session.wakeQueue();
                seen.putIfAbsent(wake, session.owner().broker().dialogs().queueWaits().version(wake));
                boolean delivered = false;
                long next = 0;
                for (ParleyConsumer consumer : consumers) {
                    Attempt attempt = attempt(consumer, null);
                    delivered |= attempt.message() != null;
                    if (attempt.nextDeliveryTime() != 0) {
                        next = next == 0 ? attempt.nextDeliveryTime() : Math.min(next, attempt.nextDeliveryTime());
                    }
                }
                if (!delivered && !session.isClosed()) {
                    await(seen, FOREVER, next);
                }
            } catch (JMSException | RuntimeException e) {
                session.owner().report(e instanceof JMSException jms ? jms : Errors.jms((RuntimeException) e));
                if (!pauseAfterFailure()) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Gives a failing store a second before the next try, so a persistent failure is not reported in a tight loop. */
    private boolean pauseAfterFailure() {
        String wake = session.wakeQueue();
        try {
            session.owner().broker().dialogs().queueWaits().awaitChange(
                    Map.of(wake, session.owner().broker().dialogs().queueWaits().version(wake)), Duration.ofSeconds(1));
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
