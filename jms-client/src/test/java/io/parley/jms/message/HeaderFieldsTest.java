package io.parley.jms.message;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The header fields of §3.4: defaults, each getter returning what its setter set, and the correlation ID's forms. */
class HeaderFieldsTest {

    @Test
    void aNewMessageIsPersistentWithPriorityFourAndNothingElseSet() {
        ParleyMessage message = new ParleyMessage();

        assertThat(message.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(message.getJMSPriority()).isEqualTo(Message.DEFAULT_PRIORITY);
        assertThat(message.getJMSMessageID()).isNull();
        assertThat(message.getJMSTimestamp()).isZero();
        assertThat(message.getJMSCorrelationID()).isNull();
        assertThat(message.getJMSCorrelationIDAsBytes()).isNull();
        assertThat(message.getJMSReplyTo()).isNull();
        assertThat(message.getJMSDestination()).isNull();
        assertThat(message.getJMSRedelivered()).isFalse();
        assertThat(message.getJMSType()).isNull();
        assertThat(message.getJMSExpiration()).isZero();
        assertThat(message.getJMSDeliveryTime()).isZero();
    }

    @Test
    void eachHeaderFieldReadsWhatWasSet() throws JMSException {
        ParleyMessage message = new ParleyMessage();
        message.setJMSMessageID("ID:7f3c");
        message.setJMSTimestamp(1_700_000_000_123L);
        message.setJMSCorrelationID("req-9");
        message.setJMSReplyTo(new TestQueue("//Parley/Replies"));
        message.setJMSDestination(new TestQueue("//Parley/Orders"));
        message.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        message.setJMSRedelivered(true);
        message.setJMSType("//Parley/SubmitOrder");
        message.setJMSExpiration(1_700_000_060_000L);
        message.setJMSDeliveryTime(1_700_000_030_000L);
        message.setJMSPriority(9);

        assertThat(message.getJMSMessageID()).isEqualTo("ID:7f3c");
        assertThat(message.getJMSTimestamp()).isEqualTo(1_700_000_000_123L);
        assertThat(message.getJMSCorrelationID()).isEqualTo("req-9");
        assertThat(message.getJMSReplyTo()).isEqualTo(new TestQueue("//Parley/Replies"));
        assertThat(message.getJMSDestination()).isEqualTo(new TestQueue("//Parley/Orders"));
        assertThat(message.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(message.getJMSRedelivered()).isTrue();
        assertThat(message.getJMSType()).isEqualTo("//Parley/SubmitOrder");
        assertThat(message.getJMSExpiration()).isEqualTo(1_700_000_060_000L);
        assertThat(message.getJMSDeliveryTime()).isEqualTo(1_700_000_030_000L);
        assertThat(message.getJMSPriority()).isEqualTo(9);
    }

    @Test
    void aCorrelationIdSetAsBytesIsCopiedInAndOutAndHasNoStringForm() {
        ParleyMessage message = new ParleyMessage();
        byte[] id = {0, (byte) 0xFF, 42};
        message.setJMSCorrelationIDAsBytes(id);
        id[0] = 9;
        message.getJMSCorrelationIDAsBytes()[1] = 9;

        assertThat(message.getJMSCorrelationIDAsBytes()).containsExactly(0, 0xFF, 42);
        assertThat(message.getJMSCorrelationID()).isNull();
    }

    @Test
    void aStringCorrelationIdReadsAsItsUtf8BytesAndEachFormReplacesTheOther() {
        ParleyMessage message = new ParleyMessage();
        message.setJMSCorrelationIDAsBytes(new byte[] {1});
        message.setJMSCorrelationID("Zürich");

        assertThat(message.getJMSCorrelationIDAsBytes()).isEqualTo("Zürich".getBytes(StandardCharsets.UTF_8));
        message.setJMSCorrelationIDAsBytes(new byte[] {2});
        assertThat(message.getJMSCorrelationID()).isNull();
        message.setJMSCorrelationIDAsBytes(null);
        assertThat(message.getJMSCorrelationIDAsBytes()).isNull();
    }

    @Test
    void acknowledgeCallsTheAcknowledgerTheSessionSetAndIsIgnoredWithoutOne() throws JMSException {
        ParleyTextMessage message = new ParleyTextMessage("t");
        message.acknowledge();

        List<Message> acknowledged = new ArrayList<>();
        message.setAcknowledger(acknowledged::add);
        message.acknowledge();
        message.acknowledge();

        assertThat(acknowledged).containsExactly(message, message);
    }

    @Test
    void aFirstDeliveryIsNotRedelivered() throws JMSException {
        ParleyMessage message = new ParleyMessage();
        message.setJMSRedelivered(true);
        message.markReceived(1);

        assertThat(message.getJMSRedelivered()).isFalse();
        assertThat(message.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
    }
}
