package io.parley.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.jms.message.ConversionTable.Cell;
import io.parley.jms.message.ConversionTable.Type;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.StreamMessage;
import java.io.ByteArrayOutputStream;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every method of StreamMessage: the conversion table cell by cell, the position after a failed conversion, null
 * fields, readBytes in pieces, end of stream and the two modes.
 */
class StreamMessageTest {

    static Stream<Cell> bodyCells() {
        return ConversionTable.cells(ConversionTable.BODY_TYPES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodyCells")
    void eachCellOfTheTableReadsOrFailsAndAFailureLeavesTheField(Cell cell) throws JMSException {
        ParleyStreamMessage message = new ParleyStreamMessage();
        write(message, cell.written(), cell.written().sample());
        message.reset();

        if (cell.allowed()) {
            assertThat(read(message, cell.read())).isEqualTo(cell.expected());
            assertThatThrownBy(message::readObject).isInstanceOf(MessageEOFException.class);
        } else {
            assertThatThrownBy(() -> read(message, cell.read()))
                    .isInstanceOf(MessageFormatException.class)
                    .hasMessageContaining("field 0")
                    .hasMessageContaining(cell.read().javaName);
            assertThat(message.readObject()).isEqualTo(cell.written().sample());
        }
    }

    @Test
    void aStringThatIsNoNumberFailsAndCanBeReadAgainAsString() throws JMSException {
        ParleyStreamMessage message = streamOf("ten");

        assertThatThrownBy(message::readInt).isInstanceOf(NumberFormatException.class).hasMessageContaining("\"ten\"");
        assertThatThrownBy(message::readDouble).isInstanceOf(NumberFormatException.class);
        assertThat(message.readString()).isEqualTo("ten");
    }

    @Test
    void aNullFieldReadsAsValueOfNullWouldAndStaysUntilReadWithoutError() throws JMSException {
        ParleyStreamMessage message = streamOf((Object) null);

        assertThatThrownBy(message::readByte).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(message::readShort).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(message::readInt).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(message::readLong).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(message::readFloat).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(message::readDouble).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(message::readChar).isInstanceOf(NullPointerException.class);
        assertThat(message.readObject()).isNull();
        message.reset();
        assertThat(message.readBoolean()).isFalse();
        message.reset();
        assertThat(message.readString()).isNull();
        message.reset();
        assertThat(message.readBytes(new byte[4])).isEqualTo(-1);
        assertThatThrownBy(message::readObject).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void readBytesReturnsAFieldInPiecesAndEndsItWithAShortPiece() throws JMSException {
        ParleyStreamMessage message = streamOf(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 42);
        byte[] buffer = new byte[4];

        assertThat(message.readBytes(buffer)).isEqualTo(4);
        assertThat(buffer).containsExactly(0, 1, 2, 3);
        assertThat(message.readBytes(buffer)).isEqualTo(4);
        assertThat(buffer).containsExactly(4, 5, 6, 7);
        assertThat(message.readBytes(buffer)).isEqualTo(2);
        assertThat(buffer).startsWith(8, 9);
        assertThat(message.readInt()).isEqualTo(42);
    }

    @Test
    void aFieldThatFillsTheBufferExactlyEndsWithMinusOne() throws JMSException {
        ParleyStreamMessage message = streamOf(new byte[] {1, 2, 3, 4}, new byte[] {5});
        byte[] buffer = new byte[2];

        assertThat(message.readBytes(buffer)).isEqualTo(2);
        assertThat(message.readBytes(buffer)).isEqualTo(2);
        assertThat(message.readBytes(buffer)).isEqualTo(-1);
        assertThat(message.readBytes(buffer)).isEqualTo(1);
        assertThat(buffer[0]).isEqualTo((byte) 5);
        assertThatThrownBy(() -> message.readBytes(buffer)).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void anEmptyFieldReadsAsZeroAndANullOneAsMinusOne() throws JMSException {
        ParleyStreamMessage message = streamOf(new byte[0], null, "after");

        assertThat(message.readBytes(new byte[4])).isZero();
        assertThat(message.readBytes(new byte[4])).isEqualTo(-1);
        assertThat(message.readString()).isEqualTo("after");
    }

    @Test
    void aPartlyReadByteFieldMustBeFinishedBeforeAnyOtherRead() throws JMSException {
        ParleyStreamMessage message = streamOf(new byte[] {1, 2, 3}, "next");
        byte[] buffer = new byte[1];
        message.readBytes(buffer);

        for (ThrowingCallable read : reads(message)) {
            assertThatThrownBy(read).isInstanceOf(MessageFormatException.class).hasMessageContaining("partly read");
        }
        assertThat(message.readBytes(buffer)).isEqualTo(1);
        assertThat(message.readBytes(buffer)).isEqualTo(1);
        assertThat(message.readBytes(buffer)).isEqualTo(-1);
        assertThat(message.readString()).isEqualTo("next");
    }

    @Test
    void readBytesOfAnotherTypeIsAFormatErrorThatLeavesTheField() throws JMSException {
        ParleyStreamMessage message = streamOf("text");

        assertThatThrownBy(() -> message.readBytes(new byte[4]))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("as byte[]");
        assertThat(message.readString()).isEqualTo("text");
    }

    @Test
    void readObjectReturnsEachFieldAsWrittenWithByteArraysCopied() throws JMSException {
        byte[] bytes = {1, 2};
        ParleyStreamMessage message = new ParleyStreamMessage();
        message.writeBytes(bytes);
        bytes[0] = 9;
        message.writeBytes(new byte[] {5, 6, 7}, 1, 2);
        message.writeChar('q');
        message.writeObject(null);
        message.reset();

        byte[] first = (byte[]) message.readObject();
        assertThat(first).containsExactly(1, 2);
        first[1] = 9;
        assertThat(message.readObject()).isEqualTo(new byte[] {6, 7});
        assertThat(message.readObject()).isEqualTo('q');
        assertThat(message.readObject()).isNull();
        message.reset();
        assertThat(message.readObject()).isEqualTo(new byte[] {1, 2});
    }

    @Test
    void everyReadAtTheEndIsEndOfStream() throws JMSException {
        ParleyStreamMessage message = streamOf();

        for (ThrowingCallable read : reads(message)) {
            assertThatThrownBy(read).isInstanceOf(MessageEOFException.class);
        }
        assertThatThrownBy(() -> message.readBytes(new byte[1])).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void aNewMessageIsWriteOnlyAndAResetOneReadOnly() throws JMSException {
        ParleyStreamMessage message = new ParleyStreamMessage();
        for (ThrowingCallable read : reads(message)) {
            assertThatThrownBy(read).isInstanceOf(MessageNotReadableException.class);
        }
        assertThatThrownBy(() -> message.readBytes(new byte[1])).isInstanceOf(MessageNotReadableException.class);

        message.reset();
        for (ThrowingCallable write : writes(message)) {
            assertThatThrownBy(write).isInstanceOf(MessageNotWriteableException.class);
        }
        message.clearBody();
        message.writeInt(1);
        message.reset();
        assertThat(message.readInt()).isEqualTo(1);
    }

    @Test
    void writeObjectRefusesTypesAStreamCannotHold() {
        ParleyStreamMessage message = new ParleyStreamMessage();

        for (Object value : List.of(new Date(), new int[] {1}, List.of(), new StringBuilder())) {
            assertThatThrownBy(() -> message.writeObject(value))
                    .isInstanceOf(MessageFormatException.class)
                    .hasMessageContaining(Conversions.typeName(value));
        }
        assertThatThrownBy(() -> message.writeBytes(new byte[2], 1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void getBodyIsAlwaysRefusedAndNoTypeIsAssignable() throws JMSException {
        ParleyStreamMessage message = new ParleyStreamMessage();
        assertThat(message.isBodyAssignableTo(Object.class)).isFalse();
        assertThatThrownBy(() -> message.getBody(Object.class)).isInstanceOf(MessageFormatException.class);

        message.writeInt(1);
        assertThat(message.isBodyAssignableTo(Object.class)).isFalse();
        assertThatThrownBy(() -> message.getBody(Object.class)).isInstanceOf(MessageFormatException.class);
    }

    static ParleyStreamMessage streamOf(Object... fields) throws JMSException {
        ParleyStreamMessage message = new ParleyStreamMessage();
        for (Object field : fields) {
            message.writeObject(field);
        }
        message.reset();
        return message;
    }

    private static void write(StreamMessage message, Type type, Object value) throws JMSException {
        switch (type) {
            case BOOLEAN -> message.writeBoolean((Boolean) value);
            case BYTE -> message.writeByte((Byte) value);
            case SHORT -> message.writeShort((Short) value);
            case CHAR -> message.writeChar((Character) value);
            case INT -> message.writeInt((Integer) value);
            case LONG -> message.writeLong((Long) value);
            case FLOAT -> message.writeFloat((Float) value);
            case DOUBLE -> message.writeDouble((Double) value);
            case STRING -> message.writeString((String) value);
            case BYTES -> message.writeBytes((byte[]) value);
        }
    }

    private static Object read(StreamMessage message, Type type) throws JMSException {
        return switch (type) {
            case BOOLEAN -> message.readBoolean();
            case BYTE -> message.readByte();
            case SHORT -> message.readShort();
            case CHAR -> message.readChar();
            case INT -> message.readInt();
            case LONG -> message.readLong();
            case FLOAT -> message.readFloat();
            case DOUBLE -> message.readDouble();
            case STRING -> message.readString();
            case BYTES -> readAllBytes(message);
        };
    }

    /** Reads a byte[] field through a small buffer, the way the Javadoc of readBytes describes. */
    private static byte[] readAllBytes(StreamMessage message) throws JMSException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[2];
        int count;
        do {
            count = message.readBytes(buffer);
            all.write(buffer, 0, Math.max(count, 0));
        } while (count == buffer.length);
        return all.toByteArray();
    }

    private static List<ThrowingCallable> reads(StreamMessage message) {
        return List.of(message::readBoolean, message::readByte, message::readShort, message::readChar,
                message::readInt, message::readLong, message::readFloat, message::readDouble, message::readString,
                message::readObject);
    }

    private static List<ThrowingCallable> writes(StreamMessage message) {
        return List.of(() -> message.writeBoolean(true), () -> message.writeByte((byte) 1),
                () -> message.writeShort((short) 1), () -> message.writeChar('c'), () -> message.writeInt(1),
                () -> message.writeLong(1), () -> message.writeFloat(1), () -> message.writeDouble(1),
                () -> message.writeString("s"), () -> message.writeBytes(new byte[1]),
                () -> message.writeBytes(new byte[1], 0, 1), () -> message.writeObject(1));
    }
}
