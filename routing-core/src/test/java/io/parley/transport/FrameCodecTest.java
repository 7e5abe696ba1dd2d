package io.parley.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every frame type through the codec and back, at the edges of its fields; and bytes that are no frame. */
class FrameCodecTest {
    static {
        LeakWatch.install();
    }

    private static final int MESSAGE_FLAGS_AT = 18;
    private static final int MESSAGE_PRIORITY_AT = 59;
    private static final int MESSAGE_TO_BROKER_AT = 85;
    private static final int MESSAGE_FROM_SERVICE_AT = 101;

    @AfterAll
    static void noLeaks() {
        LeakWatch.assertNoLeaks();
    }

    static Stream<Frame> frames() {
        String longName = "é".repeat(FieldRules.MAX_NAME_BYTES / 2);
        String longText = "\uD83D\uDCE8".repeat(FieldRules.MAX_TEXT_BYTES / 4);
        Set<UUID> manyBrokers = new LinkedHashSet<>();
        while (manyBrokers.size() < FieldRules.MAX_BROKERS) {
            manyBrokers.add(UUID.randomUUID());
        }
        NodeIdentity small = new NodeIdentity("n", new UUID(0, 0), Set.of());
        NodeIdentity large = new NodeIdentity("ñ".repeat(FieldRules.MAX_NODE_NAME_BYTES / 2),
                new UUID(-1, -1), manyBrokers);
        byte[] bigBody = new byte[1 << 20];
        Arrays.fill(bigBody, (byte) 0xA5);
        MessageKey first = new MessageKey(new UUID(0, 0), false, 0);
        MessageKey last = new MessageKey(new UUID(-1, -1), true, Long.MAX_VALUE);
        return Stream.of(
                new Hello(1, 1, small, TransportSettings.MIN_FRAME_SIZE),
                new Hello(1, 255, large, TransportSettings.MAX_FRAME_SIZE),
                new HelloAccepted(1, small, TransportSettings.MIN_FRAME_SIZE),
                new HelloAccepted(255, large, TransportSettings.MAX_FRAME_SIZE),
                new Refused(CloseCause.UNSUPPORTED_VERSION, ""),
                new Refused(CloseCause.PEER_SILENT, longText),
                new Refused(CloseCause.OTHER, "from the future"),
                new MessageFrame(first, new Envelope("a", new UUID(0, 0), "b", null, "c", "d"), false, false,
                        new UUID(0, 0), Instant.ofEpochMilli(Long.MIN_VALUE), Instant.ofEpochMilli(Long.MIN_VALUE),
                        MessageFrame.LOWEST_PRIORITY, new ForwardingBudget(0, Duration.ZERO, Duration.ZERO), new byte[0]),
                new MessageFrame(last, new Envelope(longName, new UUID(-1, -1), longName, new UUID(-1, -1), longName,
                        longName), true, true, new UUID(-1, -1), Instant.ofEpochMilli(Long.MAX_VALUE),
                        Instant.ofEpochMilli(Long.MAX_VALUE), MessageFrame.HIGHEST_PRIORITY,
                        new ForwardingBudget(ForwardingBudget.MAX_HOPS, Duration.ofMillis(Integer.MAX_VALUE),
                                Duration.ofMillis(Integer.MAX_VALUE)), bigBody),
                new MessageFrame(new MessageKey(UUID.randomUUID(), false, 7), new Envelope("//Svc/\uD83D\uDE80",
                        UUID.randomUUID(), "tcp://127.0.0.1:4022/Orders", UUID.randomUUID(), "//C", "DEFAULT"), true,
                        false, UUID.randomUUID(), Instant.parse("1969-12-31T23:59:59.999Z"),
                        Instant.parse("2094-01-19T03:14:07Z"), 5, ForwardingBudget.fresh(Duration.ofMillis(1)), null),
                new Ack(first, new UUID(0, 0)),
                new Ack(last, UUID.randomUUID()),
                Nack.forGood(first, Integer.MIN_VALUE, ""),
                Nack.forNow(last, Integer.MAX_VALUE, longText),
                Nack.forGood(new MessageKey(UUID.randomUUID(), true, 3), -8408,
                        "Target service '//Shop/Orders' does not support contract '//Shop/OrderContract'."),
                Keepalive.INSTANCE);
    }

    @ParameterizedTest
    @MethodSource("frames")
    void everyFrameComesBackEqualAndAsLongAsPredicted(Frame frame) {
        ByteBuf buf = ByteBufAllocator.DEFAULT.buffer();
        try {
            FrameCodec.encode(frame, ProtocolVersion.FIRST, buf);
            assertThat(buf.readableBytes()).isEqualTo(FrameCodec.contentLength(frame));
            assertThat(buf.getByte(0)).isEqualTo((byte) 1);
            assertThat(buf.getUnsignedByte(1)).isEqualTo((short) frame.type().code());
            assertThat(FrameCodec.decode(buf, ProtocolVersion.FIRST)).isEqualTo(frame);
        } finally {
            buf.release();
        }
    }

    @Test
    void aMessageHasItsFixedFieldsWhereTheProtocolDocumentDrawsThem() {
        MessageFrame m = Samples.message(new MessageKey(UUID.randomUUID(), true, 0x0102030405060708L), "x");
        byte[] content = content(m);
        assertThat(content[MESSAGE_FLAGS_AT]).isEqualTo((byte) FrameCodec.FROM_INITIATOR);
        assertThat(Arrays.copyOfRange(content, MESSAGE_FLAGS_AT + 1, MESSAGE_FLAGS_AT + 9))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(content[MESSAGE_PRIORITY_AT]).isEqualTo((byte) 5);
        assertThat(content[MESSAGE_PRIORITY_AT + 1]).isEqualTo((byte) ForwardingBudget.DEFAULT_HOPS);
        assertThat(Arrays.copyOfRange(content, MESSAGE_TO_BROKER_AT, MESSAGE_TO_BROKER_AT + 16)).containsOnly(0);
        assertThat(new String(content, MESSAGE_FROM_SERVICE_AT + 2, "//Shop/Storefront".length(), StandardCharsets.UTF_8))
                .isEqualTo("//Shop/Storefront");
    }

    @Test
    void theExamplesInTheProtocolDocumentAreWhatANodeWrites() {
        assertThat(ByteBufUtil.hexDump(RawPeer.bytesOf(Keepalive.INSTANCE))).isEqualTo("000000020107");
        assertThat(ByteBufUtil.hexDump(RawPeer.bytesOf(new Refused(CloseCause.HANDSHAKE_TIMEOUT,
                "no HELLO within 200 ms")))).isEqualTo("0000001c0103000800166e6f2048454c4c4f2077697468696e20323030206d73");
    }

    @Test
    void instantsAndDurationsTravelAsWholeMilliseconds() {
        MessageFrame m = new MessageFrame(Samples.key(1), Samples.message(1, "").envelope(), false, false,
                UUID.randomUUID(), Instant.parse("2026-05-06T07:08:09.123456789Z"), Instant.parse("2030-01-01T00:00:00.0009Z"),
                5, new ForwardingBudget(3, Duration.ofNanos(2_500_000), Duration.ZERO), null);
        assertThat(m.sentAt()).isEqualTo(Instant.parse("2026-05-06T07:08:09.123Z"));
        assertThat(m.lifetimeDeadline()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(m.budget().timeToLive()).isEqualTo(Duration.ofMillis(2));
        assertThat(decode(content(m))).isEqualTo(m);
    }

    @Test
    void aVersionThisNodeDoesNotSpeakIsRefusedBeforeAnythingElseIsRead() {
        for (int version : new int[] {0, 2, 255}) {
            byte[] content = content(Keepalive.INSTANCE);
            content[0] = (byte) version;
            assertThat(failure(content).reason()).isEqualTo(CloseCause.UNSUPPORTED_VERSION);
        }
    }

    @Test
    void anUnknownTypeIsRefused() {
        for (int type : new int[] {0, 8, 255}) {
            assertThat(failure(new byte[] {1, (byte) type}).reason()).isEqualTo(CloseCause.UNKNOWN_FRAME_TYPE);
        }
    }

    @Test
    void aFrameCutShortAnywhereIsMalformedAndNamesTheField() {
        byte[] content = content(Samples.message(42, "body"));
        for (int length = 0; length < content.length; length++) {
            BadFrameException e = failure(Arrays.copyOf(content, length));
            assertThat(e.reason()).as("cut at %d", length).isEqualTo(CloseCause.MALFORMED_FRAME);
            assertThat(e.getMessage()).contains("ends inside field");
        }
    }

    @Test
    void strayBytesAfterTheLastFieldAreMalformed() {
        byte[] content = content(new Ack(Samples.key(1), UUID.randomUUID()));
        assertThat(failure(Arrays.copyOf(content, content.length + 1)).getMessage())
                .contains("1 stray bytes after the end of the ACK frame");
    }

    @Test
    void reservedFlagBitsAreMalformed() {
        byte[] content = content(Samples.message(1, ""));
        content[MESSAGE_FLAGS_AT] |= 0x10;
        assertThat(failure(content).getMessage()).contains("reserved flag bits 0x10");
    }

    @Test
    void aTargetBrokerWithoutItsFlagIsMalformed() {
        byte[] content = content(Samples.message(1, ""));
        content[MESSAGE_TO_BROKER_AT + 15] = 1;
        assertThat(failure(content).getMessage()).contains("to broker is set although the flags say it is absent");
    }

    @Test
    void fieldValuesOutOfRangeAreMalformed() {
        byte[] priority = content(Samples.message(1, ""));
        priority[MESSAGE_PRIORITY_AT] = 11;
        assertThat(failure(priority).getMessage()).contains("priority 11 is outside 1..10");

        byte[] sequence = content(Samples.message(1, ""));
        sequence[MESSAGE_FLAGS_AT + 1] = (byte) 0x80;
        assertThat(failure(sequence).getMessage()).contains("is negative");

        byte[] hello = content(new Hello(1, 1, Samples.identity("a"), TransportSettings.MIN_FRAME_SIZE));
        hello[5] = 0;
        assertThat(failure(hello).getMessage()).contains("maxFrameSize");
    }

    @Test
    void stringsLongerThanTheirLimitOrNotUtf8AreMalformed() {
        byte[] content = content(Samples.message(1, ""));
        content[MESSAGE_FROM_SERVICE_AT] = (byte) 0xFF;
        assertThat(failure(content).getMessage()).contains("from service is 65297 bytes; the limit is 1024");

        byte[] utf8 = content(Samples.message(1, ""));
        utf8[MESSAGE_FROM_SERVICE_AT + 2] = (byte) 0xC3;
        utf8[MESSAGE_FROM_SERVICE_AT + 3] = (byte) 0x28;
        assertThat(failure(utf8).getMessage()).contains("from service is not valid UTF-8");
    }

    @Test
    void aNegativeBodyLengthIsMalformed() {
        byte[] content = content(Samples.message(1, ""));
        content[content.length - 4] = (byte) 0x80;
        assertThat(failure(content).getMessage()).contains("body has a negative length");
    }

    @Test
    void aHelloAnnouncingABrokerTwiceIsMalformed() {
        UUID broker = UUID.randomUUID();
        byte[] content = content(new Hello(1, 1, Samples.identity("a", broker, UUID.randomUUID()),
                TransportSettings.MIN_FRAME_SIZE));
        System.arraycopy(content, 26, content, 42, 16);
        assertThat(failure(content).getMessage()).contains("announces a broker id twice");
    }

    @Test
    void aReasonCodeFromANewerNodeReadsAsOther() {
        byte[] content = content(new Refused(CloseCause.SAME_NODE, "why"));
        content[3] = 99;
        assertThat(decode(content)).isEqualTo(new Refused(CloseCause.OTHER, "why"));
    }

    @Test
    void framesCannotBeBuiltWithValuesTheWireCannotCarry() {
        assertThatThrownBy(() -> new Refused(CloseCause.CONNECTION_RESET, "")).hasMessageContaining("local cause");
        assertThatThrownBy(() -> new Envelope("", UUID.randomUUID(), "b", null, "c", "d")).hasMessageContaining("fromService");
        assertThatThrownBy(() -> new Envelope("x".repeat(1025), UUID.randomUUID(), "b", null, "c", "d"))
                .hasMessageContaining("1025 bytes in UTF-8; the limit is 1024");
        assertThatThrownBy(() -> new ForwardingBudget(256, Duration.ZERO, Duration.ZERO)).hasMessageContaining("hopsRemaining");
        assertThatThrownBy(() -> ForwardingBudget.fresh(Duration.ofDays(25))).hasMessageContaining("timeToLive");
        assertThatThrownBy(() -> Samples.message(new MessageKey(UUID.randomUUID(), true, -1), ""))
                .hasMessageContaining("sequence -1 is negative");
        assertThatThrownBy(() -> new MessageFrame(Samples.key(0), Samples.message(0, "").envelope(), false, false,
                UUID.randomUUID(), Instant.MAX, Instant.EPOCH, 5, ForwardingBudget.fresh(Duration.ZERO), null))
                .hasMessageContaining("sentAt");
    }

    @Test
    void aMessageFrameCannotBeChangedThroughItsBody() {
        byte[] body = {1, 2, 3};
        MessageFrame m = new MessageFrame(Samples.key(0), Samples.message(0, "").envelope(), false, false,
                UUID.randomUUID(), Instant.EPOCH, Instant.EPOCH, 5, ForwardingBudget.fresh(Duration.ZERO), body);
        body[0] = 9;
        m.body()[1] = 9;
        assertThat(m.body()).containsExactly(1, 2, 3);
    }

    private static byte[] content(Frame frame) {
        ByteBuf buf = Unpooled.buffer();
        try {
            FrameCodec.encode(frame, ProtocolVersion.FIRST, buf);
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            return bytes;
        } finally {
            buf.release();
        }
    }

    private static Frame decode(byte[] content) {
        ByteBuf buf = Unpooled.wrappedBuffer(content);
        try {
            return FrameCodec.decode(buf, ProtocolVersion.FIRST);
        } finally {
            buf.release();
        }
    }

    private static BadFrameException failure(byte[] content) {
        try {
            Frame frame = decode(content);
            throw new AssertionError("decoded " + frame);
        } catch (BadFrameException e) {
            return e;
        }
    }
}
