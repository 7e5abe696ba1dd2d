package io.parley.jms.message;

import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.TextMessage;

/**
 * A Jakarta Messaging message whose body is one String, or none when the text is null. The body is read-only on a
 * received message until {@link #clearBody()}.
 */
public final class ParleyTextMessage extends ParleyMessage implements TextMessage {
    private String text;

    public ParleyTextMessage() {
    }

    public ParleyTextMessage(String text) {
        this.text = text;
    }

    @Override
    public void setText(String text) throws MessageNotWriteableException {
        checkBodyWritable();
        this.text = text;
    }

    @Override
    public String getText() {
        return text;
    }

    @Override
    BodyType bodyType() {
        return BodyType.TEXT;
    }

    @Override
    Object bodyOrNull() {
        return text;
    }

    @Override
    void clearBodyContent() {
        text = null;
    }

    /** Sets the text whatever the read-only state, for the decoder. */
    void load(String text) {
        this.text = text;
    }
}
