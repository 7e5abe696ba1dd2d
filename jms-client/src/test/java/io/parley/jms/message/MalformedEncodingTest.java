package io.parley.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import jakarta.jms.JMSException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * Bytes that are not a valid encoding always give one clear exception, {@link MalformedMessageException}, with what
 * was wrong and where: truncation at every byte, forged lengths and counts, unknown versions, types and tags,
 * non-canonical forms, names no message can hold, trailing bytes and plain noise. Nothing else escapes, and a forged
 * length allocates nothing.
 */
class MalformedEncodingTest {
    private final MessageCodec codec = new MessageCodec(Samples.NAMING);

    @Test
    void everyValidEncodingCutShortAtAnyByteIsMalformed() throws JMSException {
        List<ParleyMessage> messages = new ArrayList<>(Samples.everyKind());
        messages.addAll(Samples.everyKindEmpty());
        for (ParleyMessage message : messages) {
            byte[] encoded = codec.encode(message);
            for (int length = 0; length < encoded.length; length++) {
                byte[] truncated = Arrays.copyOf(encoded, length);
                assertMalformed(truncated).as("%s cut to %d of %d bytes", message, length, encoded.length);
            }
        }
    }

    @Test
    void anUnknownVersionIsNamed() {
        assertMalformed(bytes("02 00 00 04 08 00"))
                .hasMessageContaining("unknown encoding version 2")
                .hasMessageContaining("version 1");
        assertMalformed(bytes("00"));
        assertMalformed(bytes("FF 00 00 04 08 00"));
    }

    @Test
    void anUnknownBodyTypeOrContradictoryFlagsAreRefused() {
        assertMalformed(bytes("01 06 00 04 08 00")).hasMessageContaining("unknown body type 6");
        assertMalformed(bytes("01 00 06 04 08 01 41 01 41 00")).hasMessageContaining("both a string and bytes");
    }

    @Test
    void forgedLengthsAndCountsAreRefusedBeforeAnythingIsAllocated() {
        String maxVarint = "FF FF FF FF FF FF FF FF FF 01";
        assertMalformed(bytes("01 00 01 04 08 " + maxVarint))
                .hasMessageContaining("JMSMessageID is 18446744073709551615 bytes long");
        assertMalformed(bytes("01 00 01 04 08 FF FF FF FF 07 41")).hasMessageContaining("only 1 bytes are left");
        assertMalformed(bytes("01 01 00 04 08 00 FF FF FF FF 07")).hasMessageContaining("BytesMessage body");
        assertMalformed(bytes("01 00 00 04 08 FF FF FF FF 07")).hasMessageContaining("number of properties");
        assertMalformed(bytes("01 02 00 04 08 00 FF FF FF FF 07")).hasMessageContaining("number of map items");
        assertMalformed(bytes("01 04 00 04 08 00 FF FF FF FF 07 00")).hasMessageContaining("number of stream fields");
        assertMalformed(bytes("01 03 00 04 08 00 01 " + maxVarint)).hasMessageContaining("serialized object");
    }

    @Test
    void varintsMustBeMinimalAndFitTheirField() {
        assertMalformed(bytes("01 00 00 84 00 08 00")).hasMessageContaining("needless zero byte");
        assertMalformed(bytes("01 00 00 FF FF FF FF FF FF FF FF FF 02 08 00"))
                .hasMessageContaining("more than 64 bits");
        assertMalformed(bytes("01 00 00 80 80 80 80 10 08 00"))
                .hasMessageContaining("JMSDeliveryMode is 2147483648, outside the range of int");
        assertMalformed(bytes("01 00 00 04 08 00 00")).hasMessageContaining("1 bytes follow the end of the message");
    }

    @Test
    void unknownValueTagsAndPresenceMarksAreRefused() {
        assertMalformed(bytes("01 04 00 04 08 00 01 0C")).hasMessageContaining("unknown type tag 0xc");
        assertMalformed(bytes("01 05 00 04 08 00 02")).hasMessageContaining("marked 2");
        assertMalformed(bytes("01 03 00 04 08 00 FF")).hasMessageContaining("marked 255");
    }

    @Test
    void stringsMustBeTheWritersUtf8() {
        for (String badText : List.of("C0 80", "E0 80 80", "F0 80 80 80", "F4 90 80 80", "80", "FF", "C3", "E2 82",
                "C3 41", "ED A0 80 ED B0 80")) {
            int length = badText.split(" ").length;
            assertMalformed(bytes("01 05 00 04 08 00 01 " + String.format("%02X ", length) + badText))
                    .as(badText)
                    .hasMessageContaining("the text");
        }
    }

    @Test
    void propertiesMustBeSortedUniqueAndValid() {
        assertMalformed(bytes("01 00 00 04 08 02 01 62 00 01 61 00")).hasMessageContaining("'a' is not after 'b'");
        assertMalformed(bytes("01 00 00 04 08 02 01 61 00 01 61 00")).hasMessageContaining("'a' is not after 'a'");
        assertMalformed(bytes("01 00 00 04 08 01 03 41 4E 44 00")).hasMessageContaining("selector word AND");
        assertMalformed(bytes("01 00 00 04 08 01 00 00")).hasMessageContaining("must not be empty");
        assertMalformed(bytes("01 00 00 04 08 01 01 63 05 00 41")).hasMessageContaining("Character");
        assertMalformed(bytes("01 00 00 04 08 01 01 63 0B 00")).hasMessageContaining("byte[]");
        assertMalformed(bytes("01 00 00 04 08 01 0C 4A 4D 53 58 47 72 6F 75 70 53 65 71 0A 01 31"))
                .hasMessageContaining("JMSXGroupSeq holds Integer, not String");
        assertMalformed(bytes("01 00 00 04 08 01 07 4A 4D 53 58 46 6F 6F 01"))
                .hasMessageContaining("'JMSXFoo' has the JMSX prefix");
    }

    @Test
    void mapItemsMustBeSortedUniqueAndNamed() {
        assertMalformed(bytes("01 02 00 04 08 00 02 01 62 00 01 61 00")).hasMessageContaining("'a' is not after 'b'");
        assertMalformed(bytes("01 02 00 04 08 00 01 00 00")).hasMessageContaining("empty name");
    }

    @Test
    void theOffsetSaysWhere() {
        MalformedMessageException failure = catchMalformed(bytes("01 00 00 04 08 00 00"));

        assertThat(failure.offset()).isEqualTo(6);
        assertThat(failure).hasMessageStartingWith("malformed Parley message encoding at byte 6: ");
    }

    @Test
    void randomBytesDecodeOrAreMalformedButNothingElse() {
        SplittableRandom random = new SplittableRandom(20_261_123);
        for (int attempt = 0; attempt < 20_000; attempt++) {
            byte[] noise = new byte[random.nextInt(64)];
            random.nextBytes(noise);
            if (noise.length > 0 && random.nextBoolean()) {
                noise[0] = 1;
            }
            if (noise.length > 1 && random.nextBoolean()) {
                noise[1] = (byte) random.nextInt(6);
            }
            decodeOrMalformed(noise);
        }
    }

    @Test
    void validEncodingsWithBytesChangedDecodeOrAreMalformedButNothingElse() throws JMSException {
        SplittableRandom random = new SplittableRandom(4_022);
        for (ParleyMessage message : Samples.everyKind()) {
            byte[] encoded = codec.encode(message);
            for (int attempt = 0; attempt < 2_000; attempt++) {
                byte[] damaged = encoded.clone();
                for (int changes = 1 + random.nextInt(3); changes > 0; changes--) {
                    damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
                }
                decodeOrMalformed(damaged);
            }
        }
    }

    private void decodeOrMalformed(byte[] input) {
        try {
            codec.decode(input);
        } catch (MalformedMessageException expected) {
            assertThat(expected.getMessage()).startsWith("malformed Parley message encoding at byte ");
        } catch (Exception | Error other) {
            fail("decoding " + HexFormat.of().formatHex(input) + " threw " + other, other);
        }
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertMalformed(byte[] input) {
        return assertThatThrownBy(() -> codec.decode(input)).isExactlyInstanceOf(MalformedMessageException.class);
    }

    private MalformedMessageException catchMalformed(byte[] input) {
        try {
            codec.decode(input);
        } catch (MalformedMessageException e) {
            return e;
        } catch (JMSException e) {
            fail("expected a MalformedMessageException", e);
        }
        return fail("decoded " + HexFormat.of().formatHex(input));
    }

    private static byte[] bytes(String hex) {
        return HexFormat.ofDelimiter(" ").parseHex(hex.trim());
    }
}
