package io.parley.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Date;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every method of BytesMessage: the DataOutputStream layout, both modes, readBytes, EOF and writeObject. */
class BytesMessageTest {

    @Test
    void everyTypeWrittenReadsBackInOrderAndTheNextReadIsEndOfBody() throws JMSException {
        ParleyBytesMessage message = new ParleyBytesMessage();
        writeOneOfEach(message);
        message.reset();

        assertThat(message.readBoolean()).isTrue();
        assertThat(message.readByte()).isEqualTo((byte) -2);
        assertThat(message.readShort()).isEqualTo((short) -30_000);
        assertThat(message.readChar()).isEqualTo('€');
        assertThat(message.readInt()).isEqualTo(Integer.MIN_VALUE);
        assertThat(message.readLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(message.readFloat()).isEqualTo(-0.5f);
        assertThat(message.readDouble()).isEqualTo(Math.PI);
        assertThat(message.readUTF()).isEqualTo("naïve \u0000 \uD83D\uDE00");
        byte[] rest = new byte[3];
        assertThat(message.readBytes(rest)).isEqualTo(2);
        assertThat(rest).startsWith(7, 8);
        assertThat(message.readBytes(rest)).isEqualTo(-1);
        assertThatThrownBy(message::readByte).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void theBodyIsLaidOutAsDataOutputStreamWouldWriteIt() throws JMSException, IOException {
        ParleyBytesMessage message = new ParleyBytesMessage();
        writeOneOfEach(message);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(expected);
        data.writeBoolean(true);
        data.writeByte(-2);
        data.writeShort(-30_000);
        data.writeChar('€');
        data.writeInt(Integer.MIN_VALUE);
        data.writeLong(Long.MAX_VALUE);
        data.writeFloat(-0.5f);
        data.writeDouble(Math.PI);
        data.writeUTF("naïve \u0000 \uD83D\uDE00");
        data.write(new byte[] {6, 7, 8}, 1, 2);

        assertThat(message.getBody(byte[].class)).isEqualTo(expected.toByteArray());
    }

    @Test
    void unsignedReadsSeeTheSameBitsAsUnsigned() throws JMSException {
        ParleyBytesMessage message = new ParleyBytesMessage();
        message.writeByte((byte) -1);
        message.writeShort((short) -1);
        message.reset();

        assertThat(message.readUnsignedByte()).isEqualTo(255);
        assertThat(message.readUnsignedShort()).isEqualTo(65_535);
    }

    @Test
    void aNewMessageIsWriteOnlyAndEveryReadSaysSo() {
        ParleyBytesMessage message = new ParleyBytesMessage();

        for (ThrowingCallable read : reads(message)) {
            assertThatThrownBy(read).isInstanceOf(MessageNotReadableException.class).hasMessageContaining("reset()");
        }
        assertThatThrownBy(() -> message.readBytes(new byte[1])).isInstanceOf(MessageNotReadableException.class);
        assertThatThrownBy(() -> message.readBytes(new byte[1], 1)).isInstanceOf(MessageNotReadableException.class);
        assertThatThrownBy(message::getBodyLength).isInstanceOf(MessageNotReadableException.class);
    }

    @Test
    void aResetMessageIsReadOnlyAndEveryWriteSaysSo() {
        ParleyBytesMessage message = new ParleyBytesMessage();
        message.reset();

        for (ThrowingCallable write : writes(message)) {
            assertThatThrownBy(write).isInstanceOf(MessageNotWriteableException.class).hasMessageContaining("clearBody()");
        }
    }

    @Test
    void theBodyLengthIsTheWholeBodyWhereverThePositionIs() throws JMSException {
        ParleyBytesMessage message = new ParleyBytesMessage();
        message.writeLong(1);
        message.reset();
        message.readInt();

        assertThat(message.getBodyLength()).isEqualTo(8);
    }

    @Test
    void readBytesFillsTheBufferThenReturnsTheRestThenMinusOne() throws JMSException {
        ParleyBytesMessage message = bodyOf(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        byte[] buffer = new byte[4];

        assertThat(message.readBytes(buffer)).isEqualTo(4);
        assertThat(buffer).containsExactly(0, 1, 2, 3);
        assertThat(message.readBytes(buffer)).isEqualTo(4);
        assertThat(buffer).containsExactly(4, 5, 6, 7);
        assertThat(message.readBytes(buffer)).isEqualTo(2);
        assertThat(buffer).startsWith(8, 9);
        assertThat(message.readBytes(buffer)).isEqualTo(-1);
    }

    @Test
    void aBufferOfExactlyTheBodyLengthIsFilledAndTheNextReadIsMinusOne() throws JMSException {
        ParleyBytesMessage message = bodyOf(1, 2, 3);
        byte[] buffer = new byte[3];

        assertThat(message.readBytes(buffer)).isEqualTo(3);
        assertThat(message.readBytes(buffer)).isEqualTo(-1);
        ParleyBytesMessage empty = new ParleyBytesMessage();
        empty.reset();
        assertThat(empty.readBytes(buffer)).isEqualTo(-1);
    }

    @Test
    void readBytesWithALengthReadsAtMostThatMany() throws JMSException {
        ParleyBytesMessage message = bodyOf(1, 2, 3, 4, 5);
        byte[] buffer = new byte[5];

        assertThat(message.readBytes(buffer, 2)).isEqualTo(2);
        assertThat(buffer).startsWith(1, 2);
        assertThat(message.readBytes(buffer, 5)).isEqualTo(3);
        assertThat(buffer).startsWith(3, 4, 5);
    }

    @Test
    void readBytesWithABadLengthIsAnIndexErrorAndReadsNothing() throws JMSException {
        ParleyBytesMessage message = bodyOf(1, 2, 3);

        assertThatThrownBy(() -> message.readBytes(new byte[2], 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> message.readBytes(new byte[2], -1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(message.readByte()).isEqualTo((byte) 1);
    }

    @Test
    void aReadPastTheEndIsEndOfBodyAndLeavesThePositionForAShorterRead() throws JMSException {
        ParleyBytesMessage message = bodyOf(0, 1, 0);

        assertThatThrownBy(message::readInt)
                .isInstanceOf(MessageEOFException.class)
                .hasMessageContaining("only 3 of the BytesMessage's 3 bytes are left");
        assertThatThrownBy(message::readLong).isInstanceOf(MessageEOFException.class);
        assertThatThrownBy(message::readFloat).isInstanceOf(MessageEOFException.class);
        assertThatThrownBy(message::readDouble).isInstanceOf(MessageEOFException.class);
        assertThat(message.readShort()).isEqualTo((short) 1);
        assertThat(message.readBoolean()).isFalse();
        for (ThrowingCallable read : reads(message)) {
            assertThatThrownBy(read).isInstanceOf(MessageEOFException.class);
        }
        assertThat(message.readBytes(new byte[1])).isEqualTo(-1);
    }

    @Test
    void aTruncatedOrMalformedStringIsEndOfBodyOrAFormatError() throws JMSException {
        ParleyBytesMessage truncated = bodyOf(0, 5, 'a', 'b');
        assertThatThrownBy(truncated::readUTF).isInstanceOf(MessageEOFException.class);
        assertThat(truncated.readShort()).isEqualTo((short) 5);

        ParleyBytesMessage malformed = bodyOf(0, 2, 0xC3, 0x41);
        assertThatThrownBy(malformed::readUTF).isInstanceOf(MessageFormatException.class);
        assertThat(malformed.readUnsignedShort()).isEqualTo(2);
    }

    @Test
    void writeUtfRefusesAStringLongerThan65535EncodedBytes() throws JMSException {
        ParleyBytesMessage message = new ParleyBytesMessage();
        message.writeUTF("é".repeat(32_767));

        assertThatThrownBy(() -> message.writeUTF("é".repeat(32_768)))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("65535");
        assertThatThrownBy(() -> message.writeUTF(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void writeBytesCopiesTheGivenRangeAndChecksIt() throws JMSException {
        ParleyBytesMessage message = new ParleyBytesMessage();
        byte[] source = {1, 2, 3, 4};
        message.writeBytes(source, 1, 2);
        source[1] = 9;

        assertThatThrownBy(() -> message.writeBytes(source, 3, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> message.writeBytes(source, -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        message.reset();
        assertThat(message.getBody(byte[].class)).containsExactly(2, 3);
    }

    @Test
    void writeObjectWritesAsTheTypedMethodWouldAndRefusesOtherTypes() throws JMSException {
        ParleyBytesMessage typed = new ParleyBytesMessage();
        writeOneOfEach(typed);
        ParleyBytesMessage objects = new ParleyBytesMessage();
        for (Object value : List.of(true, (byte) -2, (short) -30_000, '€', Integer.MIN_VALUE, Long.MAX_VALUE, -0.5f,
                Math.PI, "naïve \u0000 \uD83D\uDE00", new byte[] {7, 8})) {
            objects.writeObject(value);
        }

        assertThat(objects.getBody(byte[].class)).isEqualTo(typed.getBody(byte[].class));
        ParleyBytesMessage message = new ParleyBytesMessage();
        assertThatThrownBy(() -> message.writeObject(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> message.writeObject(new Date()))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("java.util.Date");
    }

    @Test
    void resetRewindsAndClearBodyEmptiesAndMakesWritable() throws JMSException {
        ParleyBytesMessage message = bodyOf(1, 2);
        message.readByte();
        message.reset();
        assertThat(message.readByte()).isEqualTo((byte) 1);

        message.clearBody();
        assertThatThrownBy(message::getBodyLength).isInstanceOf(MessageNotReadableException.class);
        message.writeByte((byte) 5);
        message.reset();
        assertThat(message.getBodyLength()).isEqualTo(1);
        assertThat(message.readByte()).isEqualTo((byte) 5);
    }

    @Test
    void aLargeBodyGrowsAsWritten() throws JMSException {
        ParleyBytesMessage message = new ParleyBytesMessage();
        byte[] chunk = new byte[1000];
        for (int i = 0; i < 5000; i++) {
            chunk[0] = (byte) i;
            message.writeBytes(chunk);
        }
        message.reset();

        assertThat(message.getBodyLength()).isEqualTo(5_000_000);
        byte[] read = new byte[1000];
        for (int i = 0; i < 5000; i++) {
            assertThat(message.readBytes(read)).isEqualTo(1000);
            assertThat(read[0]).isEqualTo((byte) i);
        }
        assertThat(message.readBytes(read)).isEqualTo(-1);
    }

    static ParleyBytesMessage bodyOf(int... bytes) throws JMSException {
        ParleyBytesMessage message = new ParleyBytesMessage();
        for (int value : bytes) {
            message.writeByte((byte) value);
        }
        message.reset();
        return message;
    }

    private static void writeOneOfEach(BytesMessage message) throws JMSException {
        message.writeBoolean(true);
        message.writeByte((byte) -2);
        message.writeShort((short) -30_000);
        message.writeChar('€');
        message.writeInt(Integer.MIN_VALUE);
        message.writeLong(Long.MAX_VALUE);
        message.writeFloat(-0.5f);
        message.writeDouble(Math.PI);
        message.writeUTF("naïve \u0000 \uD83D\uDE00");
        message.writeBytes(new byte[] {6, 7, 8}, 1, 2);
    }

    /** Every read but readBytes, which answers -1 rather than failing at the end of the body. */
    private static List<ThrowingCallable> reads(BytesMessage message) {
        return List.of(message::readBoolean, message::readByte, message::readUnsignedByte, message::readShort,
                message::readUnsignedShort, message::readChar, message::readInt, message::readLong,
                message::readFloat, message::readDouble, message::readUTF);
    }

    private static List<ThrowingCallable> writes(BytesMessage message) {
        return List.of(() -> message.writeBoolean(true), () -> message.writeByte((byte) 1),
                () -> message.writeShort((short) 1), () -> message.writeChar('c'), () -> message.writeInt(1),
                () -> message.writeLong(1), () -> message.writeFloat(1), () -> message.writeDouble(1),
                () -> message.writeUTF("s"), () -> message.writeBytes(new byte[1]),
                () -> message.writeBytes(new byte[1], 0, 1), () -> message.writeObject(1));
    }
}
