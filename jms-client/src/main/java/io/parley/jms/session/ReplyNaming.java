package io.parley.jms.session;

import io.parley.dialog.ConversationHandle;
import io.parley.jms.destination.ConversationDestination;
import io.parley.jms.destination.ParleyDestination;
import io.parley.jms.message.DestinationNaming;
import io.parley.jms.message.MalformedMessageException;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;

/**
 * How a JMSReplyTo travels with a message. A reply-to naming the dialog the message travels on (the service the
 * dialog began at, or this side of the conversation the message is sent on) travels as {@value #THIS_DIALOG}, and
 * the receiver sees the conversation itself: its reply goes back on the same dialog. Any other service travels as
 * {@code service:} and its name, another conversation as its queue name; another provider's queue counts as a service
 * of that name. One instance serves one message: the dialog it is sent or received on.
 */
final class ReplyNaming implements DestinationNaming {
    static final String THIS_DIALOG = "dialog";
    private static final String SERVICE_PREFIX = "service:";

    private final String dialogService;
    private final ConversationHandle handle;

    private ReplyNaming(String dialogService, ConversationHandle handle) {
        this.dialogService = dialogService;
        this.handle = handle;
    }

    /** For a message sent on a dialog that began at {@code fromService}. */
    static ReplyNaming sendingFrom(String fromService) {
        return new ReplyNaming(fromService, null);
    }

    /** For a message sent or received on the conversation {@code handle}. */
    static ReplyNaming onConversation(ConversationHandle handle) {
        return new ReplyNaming(null, handle);
    }

    @Override
    public String nameOf(Destination destination) throws JMSException {
        if (destination instanceof ConversationDestination conversation) {
            return conversation.handle().equals(handle) ? THIS_DIALOG : conversation.name();
        }
        if (destination instanceof ParleyDestination service) {
            return service.name().equals(dialogService) ? THIS_DIALOG : SERVICE_PREFIX + service.name();
        }
        if (destination instanceof Queue queue) {
            return SERVICE_PREFIX + queue.getQueueName();
        }
        throw new InvalidDestinationException("JMSReplyTo " + destination + " is not a queue; Parley has queues only");
    }

    @Override
    public Destination destinationNamed(String name) throws JMSException {
        if (name.equals(THIS_DIALOG) && handle != null) {
            return new ConversationDestination(handle);
        }
        if (name.startsWith(SERVICE_PREFIX)) {
            return Destinations.named(name.substring(SERVICE_PREFIX.length()));
        }
        if (name.startsWith(ParleyDestination.CONVERSATION_PREFIX)) {
            return Destinations.named(name);
        }
        throw new MalformedMessageException("JMSReplyTo '" + name + "' is neither a service nor a conversation", 0);
    }
}
