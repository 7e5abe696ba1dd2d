package io.parley.jms.message;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.io.ByteArrayOutputStream;
import java.util.Enumeration;

/**
 * Turns a message of any Jakarta Messaging implementation into a Parley message, as a provider must to send it
 * (the Javadoc of Message: "a provider must be prepared to accept message implementations that are not its own").
 * The copy goes through the portable API only, so any implementation will do.
 */
public final class ForeignMessages {
    private static final int READ_CHUNK = 8192;

    private ForeignMessages() {
    }

    /**
     * A new, writable Parley message of the same kind as {@code message}, with its header fields, its body and the
     * properties a client may set. JMSX properties the provider sets (JMSXDeliveryCount, JMSXUserID and the like)
     * describe the other provider's send or delivery and are left out, as are JMSX names Jakarta Messaging does not
     * define. JMSReplyTo and JMSDestination are kept as the same objects, whatever their implementation. To read
     * the body of a BytesMessage or StreamMessage the copy resets it, and resets it again afterwards, so it is left
     * in read-only mode at its start, as its {@code getBody} would leave it.
     *
     * @throws MessageFormatException when the message holds something a Parley message cannot: a property whose name
     *     is not a valid identifier, or a property, map item or stream field of a type Jakarta Messaging does not allow
     */
    public static ParleyMessage copyOf(Message message) throws JMSException {
        ParleyMessage copy = copyBody(message);
        copyHeaders(message, copy);
        copyProperties(message, copy);
        return copy;
    }

    private static ParleyMessage copyBody(Message message) throws JMSException {
        if (message instanceof BytesMessage bytes) {
            return copyBytes(bytes);
        }
        if (message instanceof MapMessage map) {
            return copyMap(map);
        }
        if (message instanceof ObjectMessage object) {
            return new ParleyObjectMessage(object.getObject());
        }
        if (message instanceof StreamMessage stream) {
            return copyStream(stream);
        }
        if (message instanceof TextMessage text) {
            return new ParleyTextMessage(text.getText());
        }
        return new ParleyMessage();
    }

    private static ParleyBytesMessage copyBytes(BytesMessage message) throws JMSException {
        message.reset();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk = new byte[READ_CHUNK];
        int count;
        while ((count = message.readBytes(chunk)) > 0) {
            body.write(chunk, 0, count);
        }
        message.reset();
        ParleyBytesMessage copy = new ParleyBytesMessage();
        copy.load(body.toByteArray());
        return copy;
    }

    private static ParleyMapMessage copyMap(MapMessage message) throws JMSException {
        ParleyMapMessage copy = new ParleyMapMessage();
        for (Enumeration<?> names = message.getMapNames(); names.hasMoreElements(); ) {
            String name = nameOf(names.nextElement(), "map item");
            copy.setObject(name, message.getObject(name));
        }
        return copy;
    }

    /** Reads fields until the end, which the portable API reports only as a {@link MessageEOFException}. */
    private static ParleyStreamMessage copyStream(StreamMessage message) throws JMSException {
        message.reset();
        ParleyStreamMessage copy = new ParleyStreamMessage();
        while (true) {
            Object field;
            try {
                field = message.readObject();
            } catch (MessageEOFException end) {
                break;
            }
            copy.writeObject(field);
        }
        message.reset();
        return copy;
    }

    private static void copyHeaders(Message message, ParleyMessage copy) throws JMSException {
        copy.setJMSMessageID(message.getJMSMessageID());
        copy.setJMSTimestamp(message.getJMSTimestamp());
        String correlationId = message.getJMSCorrelationID();
        if (correlationId != null) {
            copy.setJMSCorrelationID(correlationId);
        } else {
            copy.setJMSCorrelationIDAsBytes(correlationIdBytesOf(message));
        }
        copy.setJMSReplyTo(message.getJMSReplyTo());
        copy.setJMSDestination(message.getJMSDestination());
        copy.setJMSDeliveryMode(message.getJMSDeliveryMode());
        copy.setJMSRedelivered(message.getJMSRedelivered());
        copy.setJMSType(message.getJMSType());
        copy.setJMSExpiration(message.getJMSExpiration());
        copy.setJMSDeliveryTime(message.getJMSDeliveryTime());
        copy.setJMSPriority(message.getJMSPriority());
    }

    /** Providers without native byte correlation IDs may throw UnsupportedOperationException, the Javadoc says. */
    private static byte[] correlationIdBytesOf(Message message) throws JMSException {
        try {
            return message.getJMSCorrelationIDAsBytes();
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    private static void copyProperties(Message message, ParleyMessage copy) throws JMSException {
        for (Enumeration<?> names = message.getPropertyNames(); names.hasMoreElements(); ) {
            String name = nameOf(names.nextElement(), "property");
            if (name.startsWith(JmsxProperty.PREFIX) && !isClientJmsx(name)) {
                continue;
            }
            try {
                copy.setObjectProperty(name, message.getObjectProperty(name));
            } catch (IllegalArgumentException e) {
                throw new MessageFormatException("cannot copy property '" + name + "': " + e.getMessage());
            }
        }
    }

    private static boolean isClientJmsx(String name) {
        JmsxProperty jmsx = JmsxProperty.named(name);
        return jmsx != null && jmsx.isSetByClient();
    }

    private static String nameOf(Object element, String kind) throws MessageFormatException {
        if (element instanceof String name) {
            return name;
        }
        throw new MessageFormatException("a " + kind + " name of the message is a " + Conversions.typeName(element)
                + ", not a String");
    }
}
