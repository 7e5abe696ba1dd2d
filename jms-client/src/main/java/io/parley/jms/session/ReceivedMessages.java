package io.parley.jms.session;

import io.parley.catalog.SystemObjects;
import io.parley.dialog.ReceivedMessage;
import io.parley.jms.destination.ServiceDestination;
import io.parley.jms.message.MalformedMessageException;
import io.parley.jms.message.MessageCodec;
import io.parley.jms.message.ParleyBytesMessage;
import io.parley.jms.message.ParleyMessage;
import io.parley.jms.message.ParleyTextMessage;
import jakarta.jms.JMSException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;

/**
 * Turns a message as RECEIVE returns it into the JMS message a consumer gets. A JMS message is decoded from the body;
 * the system messages (R-ERR-1) arrive as a plain Message (EndDialog, DialogTimer) or a TextMessage holding the
 * Error XML, with the system message type as JMSType; a body that is no JMS encoding (a message from a non-JMS
 * sender) arrives whole as a BytesMessage. Every one gets JMSDestination (the service it arrived for),
 * JMSXDeliveryCount and JMSRedelivered from the engine's delivery count, JMSXGroupID from its conversation group, and
 * the provider property {@value Conversations#CONVERSATION_PROPERTY} naming its conversation.
 */
final class ReceivedMessages {
    private static final System.Logger LOG = System.getLogger(ReceivedMessages.class.getName());

    private ReceivedMessages() {
    }

    static ParleyMessage toJms(ReceivedMessage received) throws JMSException {
        ParleyMessage message = body(received);
        String type = received.messageTypeName();
        if (!SystemObjects.DEFAULT.equals(type)) {
            message.setJMSType(type);
        }
        message.setJMSDestination(new ServiceDestination(received.serviceName()));
        message.setStringProperty(Conversations.CONVERSATION_PROPERTY, received.conversationHandle().toString());
        message.markReceived(received.deliveryCount() + 1, received.conversationGroupId().toString());
        return message;
    }

    private static ParleyMessage body(ReceivedMessage received) throws JMSException {
        if (received.isEndDialog() || received.isDialogTimer()) {
            return withEngineId(new ParleyMessage(), received);
        }
        if (received.isError()) {
            return withEngineId(new ParleyTextMessage(new String(received.body(), StandardCharsets.UTF_8)), received);
        }
        byte[] body = received.body() == null ? new byte[0] : received.body();
        try {
            return new MessageCodec(ReplyNaming.onConversation(received.conversationHandle())).decode(body);
        } catch (MalformedMessageException e) {
            LOG.log(Level.DEBUG, () -> "message " + received.messageId() + " of type '" + received.messageTypeName()
                    + "' is no JMS encoding (" + e.getMessage() + "); delivered as a BytesMessage");
            ParleyBytesMessage bytes = new ParleyBytesMessage();
            bytes.writeBytes(body);
            return withEngineId(bytes, received);
        }
    }

    private static ParleyMessage withEngineId(ParleyMessage message, ReceivedMessage received) {
        message.setJMSMessageID("ID:" + received.messageId());
        return message;
    }

    /** Whether a message of this type is one the broker sends (Error, EndDialog, DialogTimer), which never expires. */
    static boolean isSystem(ReceivedMessage received) {
        return SystemObjects.ALWAYS_RECEIVABLE.contains(received.messageTypeName());
    }
}
