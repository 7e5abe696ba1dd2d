package io.parley.jms.session;

import io.parley.dialog.BeginDialog;
import io.parley.dialog.ConversationHandle;
import io.parley.dialog.Dialogs;
import io.parley.jms.destination.ConversationDestination;
import io.parley.jms.destination.ParleyDestination;
import io.parley.jms.destination.ServiceDestination;
import io.parley.store.Transaction;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.time.Duration;

/**
 * Service Broker's conversation verbs for one session, for applications that want their dialogs explicit rather than
 * the one dialog per service the session keeps by itself: BEGIN DIALOG (with contract, lifetime and related
 * conversation), END CONVERSATION, END WITH ERROR and BEGIN CONVERSATION TIMER, on conversations that are JMS queues
 * ({@link ConversationDestination}): a producer's send to one is SEND ON CONVERSATION. The conversation a received
 * message came on is {@link #conversationOf(Message)}, also readable as its {@value #CONVERSATION_PROPERTY} property.
 * Each verb runs in the session's transaction as its sends do: in a transacted session it commits with the session;
 * otherwise it commits at once, or with the acknowledgement when the session's receiving transaction holds the
 * conversation's group.
 */
public final class Conversations {
    /** The provider property naming the conversation a received message came on (JMS 3.1 §3.5.10). */
    public static final String CONVERSATION_PROPERTY = "JMS_Parley_Conversation";

    private final ParleySession session;

    private Conversations(ParleySession session) {
        this.session = session;
    }

    /**
     * The conversations of {@code session}, a session of a Parley connection.
     *
     * @throws JMSException when it is another provider's session
     */
    public static Conversations of(Session session) throws JMSException {
        if (!(session instanceof ParleySession parley)) {
            throw new JMSException("conversations are offered on Parley sessions only, not on " + session);
        }
        return new Conversations(parley);
    }

    /** The conversations of a Parley session. */
    public static Conversations of(ParleySession session) {
        return new Conversations(session);
    }

    /** Begins a dialog to the service {@code target} names, with the connection's contract, at its client service. */
    public ConversationDestination begin(Queue target) throws JMSException {
        return begin(target, DialogOptions.defaults());
    }

    /**
     * Begins a dialog to the service {@code target} names, as {@code options} say; it exists once the session's
     * transaction commits.
     *
     * @throws InvalidDestinationException when {@code target} is no service queue, or the service is unknown here
     */
    public ConversationDestination begin(Queue target, DialogOptions options) throws JMSException {
        ParleyDestination destination = Destinations.of(target);
        if (!(destination instanceof ServiceDestination service)) {
            throw new InvalidDestinationException("a dialog begins at a service, not at " + destination,
                    destination.name());
        }
        return inSessionTransaction(null, tx -> {
            BrokerLink broker = session.owner().broker();
            broker.requireReachable(service);
            String from = options.fromService() != null ? options.fromService() : session.owner().clientService();
            BeginDialog request = BeginDialog.from(from).to(service.name())
                    .onContract(options.contract() != null ? options.contract() : session.owner().contract());
            if (options.lifetime() != null) {
                request = request.lifetime(options.lifetime());
            }
            if (options.relatedTo() != null) {
                request = request.relatedConversation(options.relatedTo().handle());
            }
            return new ConversationDestination(broker.dialogs().beginDialog(tx, request));
        });
    }

    /**
     * The conversation {@code received} came on, to reply on, end or set a timer on.
     *
     * @throws JMSException when the message was not received from a Parley queue
     */
    public ConversationDestination conversationOf(Message received) throws JMSException {
        String handle = received.getStringProperty(CONVERSATION_PROPERTY);
        if (handle == null) {
            throw new JMSException("message " + received.getJMSMessageID() + " was not received from a Parley queue, so"
                    + " it came on no conversation");
        }
        return new ConversationDestination(ConversationHandle.parse(handle));
    }

    /** END CONVERSATION: the far side gets an EndDialog after the messages already sent (R-CONV-16). */
    public void end(ConversationDestination conversation) throws JMSException {
        inSessionTransaction(conversation.handle(), tx -> {
            dialogs().end(tx, conversation.handle());
            return null;
        });
    }

    /**
     * END CONVERSATION WITH ERROR: the far side gets an Error with {@code code} (a positive number) and
     * {@code description}; messages not yet sent on it are dropped (R-CONV-19).
     */
    public void endWithError(ConversationDestination conversation, int code, String description) throws JMSException {
        inSessionTransaction(conversation.handle(), tx -> {
            dialogs().endWithError(tx, conversation.handle(), code, description);
            return null;
        });
    }

    /** BEGIN CONVERSATION TIMER: a DialogTimer message arrives on this side after {@code timeout} (R-CONV-14). */
    public void beginTimer(ConversationDestination conversation, Duration timeout) throws JMSException {
        inSessionTransaction(conversation.handle(), tx -> {
            dialogs().beginConversationTimer(tx, conversation.handle(), timeout);
            return null;
        });
    }

    private Dialogs dialogs() {
        return session.owner().broker().dialogs();
    }

    @FunctionalInterface
    private interface Verb<T> {
        T run(Transaction tx) throws JMSException;
    }

    private <T> T inSessionTransaction(ConversationHandle conversation, Verb<T> verb) throws JMSException {
        session.lock().lock();
        try {
            session.requireOpen();
            Transaction joined = session.work().sendingOn(conversation);
            Transaction tx = joined != null ? joined : session.owner().transactions().begin();
            try {
                T result = verb.run(tx);
                if (joined == null) {
                    tx.commit();
                }
                return result;
            } catch (JMSException | RuntimeException e) {
                if (joined == null) {
                    tx.rollback();
                }
                throw e instanceof RuntimeException runtime ? Errors.jms(runtime) : (JMSException) e;
            }
        } finally {
            session.lock().unlock();
        }
    }
}
