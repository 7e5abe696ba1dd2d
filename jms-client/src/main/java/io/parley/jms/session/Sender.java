package io.parley.jms.session;

import io.parley.catalog.SystemObjects;
import io.parley.dialog.ConversationHandle;
import io.parley.dialog.DialogException;
import io.parley.jms.destination.ConversationDestination;
import io.parley.jms.destination.ParleyDestination;
import io.parley.jms.destination.ServiceDestination;
import io.parley.jms.message.ForeignMessages;
import io.parley.jms.message.MessageCodec;
import io.parley.jms.message.ParleyMessage;
import io.parley.store.Transaction;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TransactionRolledBackException;
import java.util.UUID;

/**
 * The send path of a session, one named step after another: check the arguments, stamp the header fields, encode the
 * message, find the transaction and the dialog, SEND. A message to a service goes on the session's dialog from the
 * service its JMSReplyTo names, when that is a service of this broker, or else from the client service; a message to
 * a conversation goes ON CONVERSATION. A dialog that has ended under the session is replaced once and the send tried
 * again. JMSType is the Service Broker message type, DEFAULT when unset.
 */
final class Sender {
    /** What a producer sends with: its settings or the per-send arguments. */
    record Options(int deliveryMode, int priority, long timeToLive, long deliveryDelay, boolean disableMessageId,
                   boolean disableTimestamp) {
    }

    private final ParleySession session;

    Sender(ParleySession session) {
        this.session = session;
    }

    void send(ParleyDestination destination, Message original, Options options, CompletionListener listener)
            throws JMSException {
        check(options);
        if (original == null) {
            throw new jakarta.jms.MessageFormatException("the message to send to " + destination + " is null");
        }
        ParleyMessage message = original instanceof ParleyMessage own ? own : ForeignMessages.copyOf(original);
        stamp(original, destination, options);
        if (message != original) {
            stamp(message, destination, options);
            message.setJMSMessageID(original.getJMSMessageID());
            message.setJMSTimestamp(original.getJMSTimestamp());
        }
        String type = message.getJMSType() == null ? SystemObjects.DEFAULT : message.getJMSType();
        boolean delayed = options.deliveryDelay() > 0;
        SessionWork work = session.work();
        if (destination instanceof ConversationDestination conversation) {
            Transaction joined = work.sendingOn(conversation.handle());
            run(joined, original, listener, tx -> {
                byte[] body = new MessageCodec(ReplyNaming.onConversation(conversation.handle())).encode(message);
                session.owner().broker().sentIn(tx, message.getJMSMessageID());
                session.owner().broker().dialogs().send(tx, conversation.handle(), type, body);
            });
            return;
        }
        String to = destination.name();
        session.owner().broker().requireReachable(new ServiceDestination(to));
        String from = replyService(message.getJMSReplyTo());
        Transaction joined = work.sendingOn(null);
        run(joined, original, listener, tx -> sendToService(tx, from, to, delayed, type, message));
    }

    private void sendToService(Transaction tx, String from, String to, boolean delayed, String type,
                               ParleyMessage message) throws JMSException {
        SessionDialogs dialogs = session.dialogs();
        byte[] body = new MessageCodec(ReplyNaming.sendingFrom(from)).encode(message);
        session.owner().broker().sentIn(tx, message.getJMSMessageID());
        ConversationHandle handle = dialogs.dialog(tx, from, to, delayed);
        try {
            session.owner().broker().dialogs().send(tx, handle, type, body);
        } catch (DialogException e) {
            if (e.errorNumber() != 8426 && e.errorNumber() != 8429) {
                throw e;
            }
            dialogs.replace(tx, from, to, delayed, handle);
            session.owner().broker().dialogs().send(tx, dialogs.dialog(tx, from, to, delayed), type, body);
        }
    }

    /** The service a reply to this message should come back to on its dialog, or the client service. */
    private String replyService(Destination replyTo) throws JMSException {
        if (replyTo instanceof Queue queue && !(replyTo instanceof ConversationDestination)) {
            String name = queue.getQueueName();
            if (session.owner().broker().localService(name).isPresent()) {
                return name;
            }
        }
        return session.owner().clientService();
    }

    @FunctionalInterface
    private interface Step {
        void run(Transaction tx) throws JMSException;
    }

    /**
     * Runs the SEND in {@code joined}, or in a transaction of its own committed at once; then the CompletionListener
     * hears of it once it is durable: after its own commit, or when the joined transaction ends.
     */
    private void run(Transaction joined, Message original, CompletionListener listener, Step step) throws JMSException {
        Transaction tx = joined != null ? joined : session.owner().transactions().begin();
        try {
            step.run(tx);
            if (joined == null) {
                tx.commit();
            }
        } catch (JMSException | RuntimeException e) {
            if (joined == null) {
                tx.rollback();
            }
            JMSException problem = e instanceof JMSException jms ? jms : Errors.jms((RuntimeException) e);
            if (listener == null) {
                throw problem;
            }
            session.callbacks().failed(listener, original, problem);
            return;
        }
        if (listener == null) {
            return;
        }
        if (joined == null) {
            session.callbacks().completed(listener, original);
        } else {
            session.work().afterCompletion(committed -> {
                if (committed) {
                    session.callbacks().completed(listener, original);
                } else {
                    session.callbacks().failed(listener, original, new TransactionRolledBackException(
                            "the transaction of the send was rolled back, so the message was not sent"));
                }
            });
        }
    }

    private static void check(Options options) throws JMSException {
        int mode = options.deliveryMode();
        if (mode != DeliveryMode.PERSISTENT && mode != DeliveryMode.NON_PERSISTENT) {
            throw new JMSException("delivery mode " + options.deliveryMode() + " is neither PERSISTENT (2) nor"
                    + " NON_PERSISTENT (1)");
        }
        if (options.priority() < 0 || options.priority() > 9) {
            throw new JMSException("priority " + options.priority() + " is outside 0..9");
        }
    }

    private static void stamp(Message message, ParleyDestination destination, Options options) throws JMSException {
        long now = System.currentTimeMillis();
        message.setJMSDestination(destination);
        message.setJMSDeliveryMode(options.deliveryMode());
        message.setJMSPriority(options.priority());
        message.setJMSTimestamp(options.disableTimestamp() ? 0 : now);
        message.setJMSExpiration(options.timeToLive() > 0 ? now + options.timeToLive() : 0);
        message.setJMSDeliveryTime(now + Math.max(0, options.deliveryDelay()));
        message.setJMSMessageID(options.disableMessageId() ? null : "ID:" + UUID.randomUUID());
    }
}
