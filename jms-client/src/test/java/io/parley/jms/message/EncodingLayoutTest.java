package io.parley.jms.message;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Pins version 1 of the encoding to the bytes {@code docs/jms-encoding.md} shows, so a change of layout cannot slip
 * in unnoticed: released versions are frozen, and a new layout is a new version with its own test.
 */
class EncodingLayoutTest {
    private final MessageCodec codec = new MessageCodec(Samples.NAMING);

    @Test
    void theDocumentedExampleEncodesToTheDocumentedBytes() throws JMSException {
        ParleyTextMessage message = new ParleyTextMessage("hi");
        message.setJMSMessageID("ID:1");
        message.setJMSType("greet");
        message.setJMSTimestamp(1000);
        message.setIntProperty("n", 5);

        assertThat(hex(codec.encode(message))).isEqualTo(
                "01 05 31 04 08 04 49 44 3A 31 05 67 72 65 65 74 D0 0F 01 01 6E 06 0A 01 02 68 69");
    }

    @Test
    void eachHeaderFieldHasItsFlagAndPlace() throws JMSException {
        ParleyMessage message = new ParleyMessage();
        message.setJMSCorrelationIDAsBytes(new byte[] {(byte) 0xAB});
        message.setJMSReplyTo(new TestQueue("r"));
        message.setJMSExpiration(-1);
        message.setJMSDeliveryTime(64);
        message.setJMSDeliveryMode(1);
        message.setJMSPriority(0);

        assertThat(hex(codec.encode(message))).isEqualTo("01 00 CC 02 00 01 AB 01 72 01 80 01 00");
    }

    @Test
    void valuesAreWrittenWithTheirTags() throws JMSException {
        ParleyStreamMessage message = new ParleyStreamMessage();
        for (Object value : new Object[] {null, false, true, (byte) -1, (short) 258, 'A', -3, 300L, 1.0f, -2.0, "é",
                new byte[] {7}}) {
            message.writeObject(value);
        }

        assertThat(hex(codec.encode(message))).isEqualTo("01 04 00 04 08 00 0C"
                + " 00 01 02 03 FF 04 01 02 05 00 41 06 05 07 D8 04"
                + " 08 3F 80 00 00 09 C0 00 00 00 00 00 00 00 0A 02 C3 A9 0B 01 07");
    }

    @Test
    void loneSurrogatesAreThreeBytesAndPairsFour() throws JMSException {
        ParleyTextMessage message = new ParleyTextMessage("\uD800\uD83D\uDE80\uDFFF");

        assertThat(hex(codec.encode(message))).isEqualTo("01 05 00 04 08 00 01 0A ED A0 80 F0 9F 9A 80 ED BF BF");
    }

    @Test
    void bodiesOfEachKindAreLaidOutAsDocumented() throws JMSException {
        ParleyBytesMessage bytes = new ParleyBytesMessage();
        bytes.writeShort((short) 1);
        ParleyMapMessage map = new ParleyMapMessage();
        map.setBoolean("b", true);
        map.setBoolean("a", false);

        assertThat(hex(codec.encode(bytes))).isEqualTo("01 01 00 04 08 00 02 00 01");
        assertThat(hex(codec.encode(map))).isEqualTo("01 02 00 04 08 00 02 01 61 01 01 62 02");
        assertThat(hex(codec.encode(new ParleyObjectMessage()))).isEqualTo("01 03 00 04 08 00 00");
        assertThat(hex(codec.encode(new ParleyTextMessage()))).isEqualTo("01 05 00 04 08 00 00");
        assertThat(hex(codec.encode(new ParleyTextMessage("")))).isEqualTo("01 05 00 04 08 00 01 00");
    }

    static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
    }
}
