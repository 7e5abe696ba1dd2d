package io.parley.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Encoding and decoding give back the same message, for every kind, every property type, unicode, empty, null and
 * large bodies; equal messages encode to equal bytes.
 */
class MessageCodecTest {
    private final MessageCodec codec = new MessageCodec(Samples.NAMING);

    static Stream<ParleyMessage> everyKind() throws JMSException {
        return Samples.everyKind().stream();
    }

    static Stream<ParleyMessage> everyKindEmpty() throws JMSException {
        return Samples.everyKindEmpty().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void everyKindOfMessageWithEveryHeaderAndPropertyTypeRoundTrips(ParleyMessage message) throws JMSException {
        ParleyMessage decoded = codec.decode(codec.encode(message));

        SameMessage.assertSame(message, decoded);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKindEmpty")
    void messagesWithoutABodyOrWithDefaultsRoundTrip(ParleyMessage message) throws JMSException {
        ParleyMessage decoded = codec.decode(codec.encode(message));

        SameMessage.assertSame(message, decoded);
    }

    @Test
    void aMessageWithNothingSetIsSixBytes() throws JMSException {
        assertThat(codec.encode(new ParleyMessage())).containsExactly(1, 0, 0, 4, 8, 0);
    }

    @Test
    void anEmptyTextAndANullTextStayApart() throws JMSException {
        ParleyTextMessage empty = (ParleyTextMessage) codec.decode(codec.encode(new ParleyTextMessage("")));
        ParleyTextMessage none = (ParleyTextMessage) codec.decode(codec.encode(new ParleyTextMessage()));

        assertThat(empty.getText()).isEmpty();
        assertThat(none.getText()).isNull();
    }

    @Test
    void aCorrelationIdSetAsBytesStaysBytes() throws JMSException {
        ParleyMessage message = new ParleyMessage();
        message.setJMSCorrelationIDAsBytes(new byte[] {0, -128, 127});

        ParleyMessage decoded = codec.decode(codec.encode(message));

        assertThat(decoded.getJMSCorrelationIDAsBytes()).containsExactly(0, -128, 127);
        assertThat(decoded.getJMSCorrelationID()).isNull();
    }

    @Test
    void largeBodiesRoundTrip() throws JMSException {
        byte[] megabytes = new byte[8 * 1024 * 1024];
        new Random(7).nextBytes(megabytes);
        ParleyBytesMessage bytes = new ParleyBytesMessage();
        bytes.writeBytes(megabytes);
        ParleyTextMessage text = new ParleyTextMessage("ü€\uD83D\uDE80".repeat(500_000));
        ParleyStreamMessage stream = new ParleyStreamMessage();
        for (int i = 0; i < 100_000; i++) {
            stream.writeInt(i * 7919);
        }

        for (ParleyMessage message : List.of(bytes, text, stream)) {
            SameMessage.assertSame(message, codec.decode(codec.encode(message)));
        }
    }

    @Test
    void theEncodingDoesNotDependOnTheOrderPropertiesAndItemsWereSetIn() throws JMSException {
        ParleyMapMessage first = new ParleyMapMessage();
        first.setIntProperty("b", 1);
        first.setStringProperty("a", "x");
        first.setInt("z", 1);
        first.setInt("y", 2);
        ParleyMapMessage second = new ParleyMapMessage();
        second.setStringProperty("a", "x");
        second.setIntProperty("b", 1);
        second.setInt("y", 2);
        second.setInt("z", 1);

        assertThat(codec.encode(first)).isEqualTo(codec.encode(second)).isEqualTo(codec.encode(first));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void decodingAndEncodingAgainGivesTheSameBytes(ParleyMessage message) throws JMSException {
        byte[] encoded = codec.encode(message);

        assertThat(codec.encode(codec.decode(encoded))).isEqualTo(encoded);
    }

    @Test
    void aBytesOrStreamMessageIsEncodedWholeWhateverItsPosition() throws JMSException {
        ParleyBytesMessage bytes = new ParleyBytesMessage();
        bytes.writeInt(1);
        bytes.writeInt(2);
        bytes.reset();
        bytes.readInt();
        ParleyStreamMessage stream = new ParleyStreamMessage();
        stream.writeInt(1);
        stream.writeInt(2);
        stream.reset();
        stream.readInt();

        ParleyBytesMessage decodedBytes = (ParleyBytesMessage) codec.decode(codec.encode(bytes));
        ParleyStreamMessage decodedStream = (ParleyStreamMessage) codec.decode(codec.encode(stream));

        assertThat(decodedBytes.content()).containsExactly(0, 0, 0, 1, 0, 0, 0, 2);
        assertThat(decodedStream.fields()).containsExactly(1, 2);
    }

    @Test
    void aDecodedMessageIsWritableUntilTheProviderMarksItReceived() throws JMSException {
        ParleyBytesMessage decoded = (ParleyBytesMessage) codec.decode(codec.encode(Samples.everyKind().get(1)));

        decoded.setIntProperty("added", 1);
        assertThatThrownBy(decoded::readLong).isInstanceOf(MessageNotReadableException.class);
        decoded.markReceived(1);
        assertThat(decoded.readUTF()).isEqualTo(Samples.AWKWARD_TEXT);
        assertThat(decoded.readLong()).isEqualTo(-1);
    }

    @Test
    void theReplyToTravelsAsTheNameTheProviderGivesIt() throws JMSException {
        ParleyMessage message = new ParleyMessage();
        message.setJMSReplyTo(new TestQueue("//Shop/Replies"));

        byte[] encoded = codec.encode(message);

        assertThat(new String(encoded, StandardCharsets.UTF_8)).contains("//Shop/Replies");
        assertThat(codec.decode(encoded).getJMSReplyTo()).isEqualTo(new TestQueue("//Shop/Replies"));
    }

    @Test
    void aReplyToTheProviderCannotNameFailsTheEncoding() {
        MessageCodec strict = new MessageCodec(new DestinationNaming() {
            @Override
            public String nameOf(Destination destination) throws JMSException {
                throw new InvalidDestinationException("not a Parley destination: " + destination);
            }

            @Override
            public Destination destinationNamed(String name) {
                return null;
            }
        });
        ParleyMessage message = new ParleyMessage();
        message.setJMSReplyTo(new TestQueue("elsewhere"));

        assertThatThrownBy(() -> strict.encode(message)).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void anObjectBodyIsNotDeserializedUntilRead() throws JMSException {
        ParleyObjectMessage message = new ParleyObjectMessage();
        message.loadSerializedForm(new byte[] {1, 2, 3});

        ParleyObjectMessage decoded = (ParleyObjectMessage) codec.decode(codec.encode(message));

        assertThat(decoded.serializedForm()).containsExactly(1, 2, 3);
        assertThatThrownBy(decoded::getObject).isInstanceOf(MessageFormatException.class);
        assertThat(decoded.isBodyAssignableTo(Object.class)).isFalse();
    }

    @Test
    void theDeliveryCountOfAReceivedMessageTravelsAndIsOverwrittenOnReceipt() throws JMSException {
        ParleyTextMessage received = new ParleyTextMessage("t");
        received.markReceived(3);

        ParleyMessage decoded = codec.decode(codec.encode(received));
        assertThat(decoded.getIntProperty("JMSXDeliveryCount")).isEqualTo(3);
        decoded.markReceived(1);
        assertThat(decoded.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
    }

    @Test
    void theEncodingOfEachKindStartsWithTheVersionAndTheBodyType() throws JMSException {
        List<ParleyMessage> messages = Samples.everyKind();
        int[] codes = messages.stream().mapToInt(m -> m.bodyType().code()).toArray();

        assertThat(codes).containsExactly(0, 1, 2, 3, 4, 5);
        for (ParleyMessage message : messages) {
            byte[] encoded = codec.encode(message);
            assertThat(Arrays.copyOf(encoded, 2)).containsExactly(1, message.bodyType().code());
        }
    }
}
