package io.parley.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * getBody and isBodyAssignableTo as the Javadoc of Message describes them for each kind of message, with and
 * without a body, and TextMessage.
 */
class BodyAccessTest {

    @Test
    void aPlainMessageHasNoBodyForAnyType() throws JMSException {
        ParleyMessage message = new ParleyMessage();

        assertThat(message.getBody(String.class)).isNull();
        assertThat(message.getBody(int[].class)).isNull();
        assertThat(message.isBodyAssignableTo(Map.class)).isTrue();
        message.clearBody();
        assertThat(message.getBody(Object.class)).isNull();
    }

    @Test
    void aTextBodyIsAssignableToStringAndItsSupertypesOnly() throws JMSException {
        ParleyTextMessage message = new ParleyTextMessage("hello");

        assertThat(message.getBody(String.class)).isEqualTo("hello");
        assertThat(message.getBody(CharSequence.class)).isEqualTo("hello");
        assertThat(message.getBody(Object.class)).isEqualTo("hello");
        assertThat(message.isBodyAssignableTo(Comparable.class)).isTrue();
        assertThat(message.isBodyAssignableTo(Integer.class)).isFalse();
        assertThat(message.isBodyAssignableTo(StringBuilder.class)).isFalse();
        assertThatThrownBy(() -> message.getBody(Integer.class))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("TextMessage")
                .hasMessageContaining("java.lang.String")
                .hasMessageContaining("java.lang.Integer");
    }

    @Test
    void anEmptyStringIsABodyAndNullTextIsNone() throws JMSException {
        ParleyTextMessage message = new ParleyTextMessage("");
        assertThat(message.getBody(String.class)).isEmpty();
        assertThat(message.isBodyAssignableTo(Integer.class)).isFalse();

        message.setText(null);
        assertThat(message.getBody(Integer.class)).isNull();
        assertThat(message.isBodyAssignableTo(Integer.class)).isTrue();
        assertThat(new ParleyTextMessage().getText()).isNull();
    }

    @Test
    void clearBodyRemovesTheTextAndLeavesHeadersAndProperties() throws JMSException {
        ParleyTextMessage message = new ParleyTextMessage("hello");
        message.setJMSType("greeting");
        message.setIntProperty("n", 1);
        message.clearBody();

        assertThat(message.getText()).isNull();
        assertThat(message.getJMSType()).isEqualTo("greeting");
        assertThat(message.getIntProperty("n")).isEqualTo(1);
    }

    @Test
    void aMapBodyIsAssignableToMapOrObjectAndIsACopy() throws JMSException {
        ParleyMapMessage message = new ParleyMapMessage();
        message.setInt("n", 1);
        message.setBytes("b", new byte[] {1});

        @SuppressWarnings("unchecked")
        Map<String, Object> body = message.getBody(Map.class);
        assertThat(body).containsEntry("n", 1).containsKey("b");
        body.put("added", "x");
        ((byte[]) body.get("b"))[0] = 9;
        assertThat(message.itemExists("added")).isFalse();
        assertThat(message.getBytes("b")).containsExactly(1);

        assertThat(message.isBodyAssignableTo(Object.class)).isTrue();
        assertThat(message.isBodyAssignableTo(HashMap.class)).isFalse();
        assertThatThrownBy(() -> message.getBody(HashMap.class)).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.getBody(String.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void anEmptyMapIsNoBody() throws JMSException {
        ParleyMapMessage message = new ParleyMapMessage();

        assertThat(message.getBody(String.class)).isNull();
        assertThat(message.isBodyAssignableTo(String.class)).isTrue();
    }

    @Test
    void anObjectBodyIsAssignableToItsClassAndItsSupertypes() throws JMSException {
        ParleyObjectMessage message = new ParleyObjectMessage(new ObjectMessageTest.Order("ACME", List.of()));

        assertThat(message.getBody(ObjectMessageTest.Order.class).customer()).isEqualTo("ACME");
        assertThat(message.getBody(Serializable.class)).isEqualTo(new ObjectMessageTest.Order("ACME", List.of()));
        assertThat(message.isBodyAssignableTo(Record.class)).isTrue();
        assertThat(message.isBodyAssignableTo(String.class)).isFalse();
        assertThatThrownBy(() -> message.getBody(String.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void aBytesBodyIsAssignableToByteArrayAndItsSupertypes() throws JMSException {
        ParleyBytesMessage message = new ParleyBytesMessage();
        message.writeInt(7);

        assertThat(message.isBodyAssignableTo(byte[].class)).isTrue();
        assertThat(message.isBodyAssignableTo(Object.class)).isTrue();
        assertThat(message.isBodyAssignableTo(String.class)).isFalse();
        assertThat(message.getBody(byte[].class)).containsExactly(0, 0, 0, 7);
        assertThatThrownBy(() -> message.getBody(String.class))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("byte[]");
    }

    @Test
    void getBodyOfABytesMessageResetsItBeforeAndAfterWhateverItsPosition() throws JMSException {
        ParleyBytesMessage message = new ParleyBytesMessage();
        message.writeShort((short) 1);
        message.writeShort((short) 2);
        message.reset();
        message.readShort();

        assertThat(message.getBody(byte[].class)).containsExactly(0, 1, 0, 2);
        assertThat(message.readShort()).isEqualTo((short) 1);
    }

    @Test
    void getBodyOfABytesMessageBeingWrittenLeavesItReadOnly() throws JMSException {
        ParleyBytesMessage message = new ParleyBytesMessage();
        message.writeByte((byte) 3);

        assertThat(message.getBody(Object.class)).isEqualTo(new byte[] {3});
        assertThat(message.readByte()).isEqualTo((byte) 3);
    }

    @Test
    void anEmptyBytesMessageIsNoBody() throws JMSException {
        ParleyBytesMessage message = new ParleyBytesMessage();

        assertThat(message.isBodyAssignableTo(String.class)).isTrue();
        assertThat(message.getBody(String.class)).isNull();
    }

    @Test
    void getBodyWithoutATypeIsANullPointerException() {
        for (Message message : List.of(new ParleyMessage(), new ParleyTextMessage("t"), new ParleyBytesMessage())) {
            assertThatThrownBy(() -> message.getBody(null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> message.isBodyAssignableTo(null)).isInstanceOf(NullPointerException.class);
        }
    }
}
