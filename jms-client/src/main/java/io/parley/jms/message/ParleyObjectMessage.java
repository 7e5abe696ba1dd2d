package io.parley.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.ObjectMessage;
import java.io.Serializable;

/**
 * A Jakarta Messaging message whose body is one Serializable object, or none when it is null. The message keeps the
 * serialized form: {@link #setObject} takes a snapshot, so later changes to the object do not reach the message, and
 * every {@link #getObject} returns a new copy, resolving classes through the thread's context class loader. A failure
 * to serialize or deserialize is a {@link MessageFormatException}.
 */
public final class ParleyObjectMessage extends ParleyMessage implements ObjectMessage {
    private byte[] serialized;

    public ParleyObjectMessage() {
    }

    public ParleyObjectMessage(Serializable object) throws MessageFormatException {
        serialized = object == null ? null : ObjectSerialization.serialize(object);
    }

    @Override
    public void setObject(Serializable object) throws MessageNotWriteableException, MessageFormatException {
        checkBodyWritable();
        serialized = object == null ? null : ObjectSerialization.serialize(object);
    }

    @Override
    public Serializable getObject() throws MessageFormatException {
        return serialized == null ? null : ObjectSerialization.deserialize(serialized);
    }

    /** False, rather than an exception, when the body cannot be deserialized, as the Javadoc of Message says. */
    @Override
    public boolean isBodyAssignableTo(@SuppressWarnings("rawtypes") Class c) throws JMSException {
        try {
            return super.isBodyAssignableTo(c);
        } catch (MessageFormatException e) {
            return false;
        }
    }

    @Override
    BodyType bodyType() {
        return BodyType.OBJECT;
    }

    @Override
    Object bodyOrNull() throws MessageFormatException {
        return getObject();
    }

    @Override
    void clearBodyContent() {
        serialized = null;
    }

    /** The serialized body as it travels, not copied, or null when there is no object. */
    byte[] serializedForm() {
        return serialized;
    }

    void loadSerializedForm(byte[] serialized) {
        this.serialized = serialized;
    }
}
