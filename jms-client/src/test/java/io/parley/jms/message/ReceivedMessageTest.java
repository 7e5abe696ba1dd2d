package io.parley.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import org.junit.jupiter.api.Test;

/**
 * A received message (after {@link ParleyMessage#markReceived}): its body is read-only until clearBody, a BytesMessage
 * or StreamMessage is in read mode from the start of its body, and header fields stay writable.
 */
class ReceivedMessageTest {

    @Test
    void aReceivedTextIsReadOnlyUntilClearBody() throws JMSException {
        ParleyTextMessage message = new ParleyTextMessage("hello");
        message.markReceived(1);

        assertThat(message.getText()).isEqualTo("hello");
        assertThatThrownBy(() -> message.setText("changed"))
                .isInstanceOf(MessageNotWriteableException.class)
                .hasMessageContaining("TextMessage")
                .hasMessageContaining("clearBody()");
        message.clearBody();
        message.setText("changed");
        assertThat(message.getText()).isEqualTo("changed");
    }

    @Test
    void aReceivedMapIsReadOnlyUntilClearBody() throws JMSException {
        ParleyMapMessage message = new ParleyMapMessage();
        message.setInt("n", 1);
        message.markReceived(1);

        assertThat(message.getInt("n")).isEqualTo(1);
        assertThatThrownBy(() -> message.setInt("n", 2)).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> message.setObject("m", 2)).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> message.setBytes("b", new byte[1])).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> message.setBytes("b", new byte[1], 0, 1))
                .isInstanceOf(MessageNotWriteableException.class);
        message.clearBody();
        assertThat(message.itemExists("n")).isFalse();
        message.setInt("n", 2);
    }

    @Test
    void aReceivedObjectIsReadOnlyUntilClearBody() throws JMSException {
        ParleyObjectMessage message = new ParleyObjectMessage("payload");
        message.markReceived(2);

        assertThat(message.getObject()).isEqualTo("payload");
        assertThatThrownBy(() -> message.setObject("other")).isInstanceOf(MessageNotWriteableException.class);
        message.clearBody();
        assertThat(message.getObject()).isNull();
        message.setObject("other");
    }

    @Test
    void aReceivedBytesMessageIsReadFromItsStartEvenIfItWasBeingRead() throws JMSException {
        ParleyBytesMessage message = new ParleyBytesMessage();
        message.writeInt(1);
        message.writeInt(2);
        message.reset();
        message.readInt();
        message.markReceived(1);

        assertThat(message.readInt()).isEqualTo(1);
        assertThatThrownBy(() -> message.writeInt(3)).isInstanceOf(MessageNotWriteableException.class);
        message.clearBody();
        assertThatThrownBy(message::readInt).isInstanceOf(MessageNotReadableException.class);
        message.writeInt(3);
    }

    @Test
    void aReceivedStreamMessageIsReadFromItsFirstFieldEvenInsideAByteField() throws JMSException {
        ParleyStreamMessage message = new ParleyStreamMessage();
        message.writeBytes(new byte[] {1, 2, 3});
        message.reset();
        message.readBytes(new byte[1]);
        message.markReceived(1);

        assertThat(message.readObject()).isEqualTo(new byte[] {1, 2, 3});
        assertThatThrownBy(() -> message.writeInt(3)).isInstanceOf(MessageNotWriteableException.class);
        message.clearBody();
        assertThatThrownBy(message::readObject).isInstanceOf(MessageNotReadableException.class);
    }

    @Test
    void clearingTheBodyLeavesThePropertiesReadOnlyAndTheOtherWayRound() throws JMSException {
        ParleyTextMessage message = new ParleyTextMessage("t");
        message.setStringProperty("p", "v");
        message.markReceived(1);

        message.clearBody();
        assertThatThrownBy(() -> message.setStringProperty("p", "w")).isInstanceOf(MessageNotWriteableException.class);
        message.markReceived(1);
        message.clearProperties();
        assertThatThrownBy(() -> message.setText("u")).isInstanceOf(MessageNotWriteableException.class);
        message.setStringProperty("p", "w");
    }
}
