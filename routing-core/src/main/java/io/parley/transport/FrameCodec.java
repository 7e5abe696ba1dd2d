package io.parley.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The byte layout of every frame after its length prefix: a version byte, a type byte, then the
 * frame's fields, big-endian. {@code docs/protocol.md} draws the same layouts; a change to one is a
 * change to the other and a new protocol version. Neither direction keeps or releases a buffer:
 * the caller owns what it passes in.
 */
final class FrameCodec {
    static final int FROM_INITIATOR = 0x01;
    static final int END_OF_DIALOG = 0x02;
    static final int ERROR = 0x04;
    static final int TO_BROKER_KNOWN = 0x08;
    static final int PERMANENT = 0x02;
    private static final int MESSAGE_FLAGS = FROM_INITIATOR | END_OF_DIALOG | ERROR | TO_BROKER_KNOWN;
    private static final int NACK_FLAGS = FROM_INITIATOR | PERMANENT;
    private static final int UUID_BYTES = 16;
    private static final int MESSAGE_FIXED_BYTES = 99;
    private static final UUID ABSENT = new UUID(0, 0);

    private FrameCodec() {
    }

    /** The number of bytes {@link #encode} writes for {@code frame}: the frame's length prefix. */
    static int contentLength(Frame frame) {
        return 2 + switch (frame.type()) {
            case HELLO -> 6 + identityLength(((Hello) frame).identity());
            case HELLO_ACCEPTED -> 5 + identityLength(((HelloAccepted) frame).identity());
            case REFUSED -> 2 + stringLength(((Refused) frame).text());
            case MESSAGE -> messageLength((MessageFrame) frame);
            case ACK -> UUID_BYTES + 1 + 8 + UUID_BYTES;
            case NACK -> UUID_BYTES + 1 + 8 + 4 + stringLength(((Nack) frame).description());
            case KEEPALIVE -> 0;
        };
    }

    /** Writes {@code frame} in {@code version}, or in version 1 if its type is frozen. */
    static void encode(Frame frame, int version, ByteBuf out) {
        out.writeByte(frame.type().frozen() ? ProtocolVersion.FIRST : version);
        out.writeByte(frame.type().code());
        switch (frame.type()) {
            case HELLO -> {
                Hello hello = (Hello) frame;
                out.writeByte(hello.lowestVersion());
                out.writeByte(hello.highestVersion());
                out.writeInt(hello.maxFrameSize());
                writeIdentity(hello.identity(), out);
            }
            case HELLO_ACCEPTED -> {
                HelloAccepted accepted = (HelloAccepted) frame;
                out.writeByte(accepted.version());
                out.writeInt(accepted.maxFrameSize());
                writeIdentity(accepted.identity(), out);
            }
            case REFUSED -> {
                Refused refused = (Refused) frame;
                out.writeShort(refused.reason().wireCode());
                writeString(refused.text(), out);
            }
            case MESSAGE -> writeMessage((MessageFrame) frame, out);
            case ACK -> {
                Ack ack = (Ack) frame;
                writeKey(ack.message(), 0, out);
                writeUuid(ack.acknowledgingBroker(), out);
            }
            case NACK -> {
                Nack nack = (Nack) frame;
                writeKey(nack.message(), nack.permanent() ? PERMANENT : 0, out);
                out.writeInt(nack.errorCode());
                writeString(nack.description(), out);
            }
            case KEEPALIVE -> {
            }
        }
    }

    /**
     * Reads one whole frame. Frozen frames must be in version 1 and all others in
     * {@code agreedVersion}; a version this node does not speak, an unknown type and any field out
     * of bounds throw {@link BadFrameException} with the matching cause.
     */
    static Frame decode(ByteBuf in, int agreedVersion) {
        WireReader reader = new WireReader(in);
        int version = reader.unsignedByte("version");
        if (!ProtocolVersion.isSpoken(version)) {
            throw new BadFrameException(CloseCause.UNSUPPORTED_VERSION, "a frame in protocol version " + version
                    + "; this node speaks " + ProtocolVersion.spoken());
        }
        int code = reader.unsignedByte("type");
        FrameType type = FrameType.ofCode(code).filter(t -> t.sinceVersion() <= version).orElseThrow(() ->
                new BadFrameException(CloseCause.UNKNOWN_FRAME_TYPE, "frame type " + code
                        + " does not exist in protocol version " + version));
        int expected = type.frozen() ? ProtocolVersion.FIRST : agreedVersion;
        if (version != expected) {
            throw new BadFrameException(CloseCause.UNSUPPORTED_VERSION, "a " + type + " frame in protocol version "
                    + version + " where version " + expected + " applies");
        }
        reader.reading(type);
        Frame frame;
        try {
            frame = readFields(type, reader);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw reader.malformed(e.getMessage());
        }
        reader.end();
        return frame;
    }

    private static Frame readFields(FrameType type, WireReader r) {
        return switch (type) {
            case HELLO -> {
                int lowest = r.unsignedByte("lowest version");
                int highest = r.unsignedByte("highest version");
                int maxFrameSize = r.int32("max frame size");
                yield new Hello(lowest, highest, readIdentity(r), maxFrameSize);
            }
            case HELLO_ACCEPTED -> {
                int version = r.unsignedByte("version");
                int maxFrameSize = r.int32("max frame size");
                yield new HelloAccepted(version, readIdentity(r), maxFrameSize);
            }
            case REFUSED -> new Refused(CloseCause.ofWireCode(r.unsignedShort("reason")),
                    r.string("text", FieldRules.MAX_TEXT_BYTES));
            case MESSAGE -> readMessage(r);
            case ACK -> {
                UUID conversation = r.uuid("conversation id");
                int flags = flags(r, FROM_INITIATOR);
                MessageKey key = new MessageKey(conversation, (flags & FROM_INITIATOR) != 0, r.int64("sequence number"));
                yield new Ack(key, r.uuid("acknowledging broker"));
            }
            case NACK -> {
                UUID conversation = r.uuid("conversation id");
                int flags = flags(r, NACK_FLAGS);
                MessageKey key = new MessageKey(conversation, (flags & FROM_INITIATOR) != 0, r.int64("sequence number"));
                yield new Nack(key, (flags & PERMANENT) != 0, r.int32("error code"),
                        r.string("description", FieldRules.MAX_TEXT_BYTES));
            }
            case KEEPALIVE -> Keepalive.INSTANCE;
        };
    }

    private static void writeMessage(MessageFrame m, ByteBuf out) {
        Envelope e = m.envelope();
        int flags = (m.key().fromInitiator() ? FROM_INITIATOR : 0) | (m.endOfDialog() ? END_OF_DIALOG : 0)
                | (m.error() ? ERROR : 0) | (e.toBroker() != null ? TO_BROKER_KNOWN : 0);
        writeUuid(m.key().conversationId(), out);
        out.writeByte(flags);
        out.writeLong(m.key().sequence());
        writeUuid(m.messageId(), out);
        out.writeLong(m.sentAt().toEpochMilli());
        out.writeLong(m.lifetimeDeadline().toEpochMilli());
        out.writeByte(m.priority());
        out.writeByte(m.budget().hopsRemaining());
        out.writeInt((int) m.budget().timeToLive().toMillis());
        out.writeInt((int) m.budget().timeConsumed().toMillis());
        writeUuid(e.fromBroker(), out);
        writeUuid(e.toBroker() != null ? e.toBroker() : ABSENT, out);
        writeString(e.fromService(), out);
        writeString(e.toService(), out);
        writeString(e.contract(), out);
        writeString(e.messageType(), out);
        byte[] body = m.body();
        out.writeInt(body.length);
        out.writeBytes(body);
    }

    private static MessageFrame readMessage(WireReader r) {
        UUID conversation = r.uuid("conversation id");
        int flags = flags(r, MESSAGE_FLAGS);
        MessageKey key = new MessageKey(conversation, (flags & FROM_INITIATOR) != 0, r.int64("sequence number"));
        UUID messageId = r.uuid("message id");
        Instant sentAt = r.instant("sent at");
        Instant lifetimeDeadline = r.instant("lifetime deadline");
        int priority = r.unsignedByte("priority");
        int hops = r.unsignedByte("hops remaining");
        Duration timeToLive = Duration.ofMillis(r.int32("time to live"));
        Duration timeConsumed = Duration.ofMillis(r.int32("time consumed"));
        UUID fromBroker = r.uuid("from broker");
        UUID toBroker = r.uuid("to broker");
        if ((flags & TO_BROKER_KNOWN) == 0 && !toBroker.equals(ABSENT)) {
            throw r.malformed("to broker is set although the flags say it is absent");
        }
        Envelope envelope = new Envelope(r.string("from service", FieldRules.MAX_NAME_BYTES),
                fromBroker,
                r.string("to service", FieldRules.MAX_NAME_BYTES),
                (flags & TO_BROKER_KNOWN) != 0 ? toBroker : null,
                r.string("contract", FieldRules.MAX_NAME_BYTES),
                r.string("message type", FieldRules.MAX_NAME_BYTES));
        return new MessageFrame(key, envelope, (flags & END_OF_DIALOG) != 0, (flags & ERROR) != 0, messageId, sentAt,
                lifetimeDeadline, priority, new ForwardingBudget(hops, timeToLive, timeConsumed), r.bytes("body"));
    }

    private static int messageLength(MessageFrame m) {
        Envelope e = m.envelope();
        return MESSAGE_FIXED_BYTES + stringLength(e.fromService()) + stringLength(e.toService())
                + stringLength(e.contract()) + stringLength(e.messageType()) + 4 + m.bodyLength();
    }

    private static void writeKey(MessageKey key, int flags, ByteBuf out) {
        writeUuid(key.conversationId(), out);
        out.writeByte(flags | (key.fromInitiator() ? FROM_INITIATOR : 0));
        out.writeLong(key.sequence());
    }

    private static int flags(WireReader r, int allowed) {
        int flags = r.unsignedByte("flags");
        if ((flags & ~allowed) != 0) {
            throw r.malformed(String.format("reserved flag bits 0x%02x are set", flags & ~allowed));
        }
        return flags;
    }

    private static void writeIdentity(NodeIdentity identity, ByteBuf out) {
        writeUuid(identity.instanceId(), out);
        out.writeShort(identity.brokerIds().size());
        for (UUID broker : identity.brokerIds()) {
            writeUuid(broker, out);
        }
        writeString(identity.nodeName(), out);
    }

    private static NodeIdentity readIdentity(WireReader r) {
        UUID instance = r.uuid("node instance id");
        int count = r.unsignedShort("broker count");
        if (count > FieldRules.MAX_BROKERS) {
            throw r.malformed("it announces " + count + " brokers; the limit is " + FieldRules.MAX_BROKERS);
        }
        Set<UUID> brokers = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            if (!brokers.add(r.uuid("broker id"))) {
                throw r.malformed("it announces a broker id twice");
            }
        }
        return new NodeIdentity(r.string("node name", FieldRules.MAX_NODE_NAME_BYTES), instance, brokers);
    }

    private static int identityLength(NodeIdentity identity) {
        return UUID_BYTES + 2 + UUID_BYTES * identity.brokerIds().size() + stringLength(identity.nodeName());
    }

    private static void writeUuid(UUID uuid, ByteBuf out) {
        out.writeLong(uuid.getMostSignificantBits());
        out.writeLong(uuid.getLeastSignificantBits());
    }

    private static void writeString(String value, ByteBuf out) {
        out.writeShort(ByteBufUtil.utf8Bytes(value));
        ByteBufUtil.writeUtf8(out, value);
    }

    private static int stringLength(String value) {
        return 2 + ByteBufUtil.utf8Bytes(value);
    }
}
