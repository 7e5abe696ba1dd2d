package io.parley.jms.message;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Parley's binary form of a message, version {@value #VERSION}, which travels as the body of a Service Broker dialog
 * message: the header fields a receiver needs, every property with its exact Java type, and the body
 * ({@code docs/jms-encoding.md} gives it byte by byte). Encoding is deterministic: equal messages give equal bytes,
 * whatever order their properties and map items were set in. Decoding checks every byte and fails with a
 * {@link MalformedMessageException} on anything the encoder cannot have written. JMSDestination and JMSRedelivered
 * do not travel: the receiving provider sets them. A codec is immutable and may be shared between threads.
 */
public final class MessageCodec {
    /** The version this codec writes, and the only one it reads. */
    public static final int VERSION = 1;

    private static final int MESSAGE_ID = 0x01;
    private static final int CORRELATION_ID = 0x02;
    private static final int CORRELATION_ID_BYTES = 0x04;
    private static final int REPLY_TO = 0x08;
    private static final int TYPE = 0x10;
    private static final int TIMESTAMP = 0x20;
    private static final int EXPIRATION = 0x40;
    private static final int DELIVERY_TIME = 0x80;

    private final DestinationNaming replyToNaming;

    /** A codec that writes and reads JMSReplyTo through {@code replyToNaming}. */
    public MessageCodec(DestinationNaming replyToNaming) {
        this.replyToNaming = Objects.requireNonNull(replyToNaming, "replyToNaming");
    }

    /**
     * The encoded form of {@code message} as it is now, whatever its modes: a BytesMessage or StreamMessage being
     * written or read is encoded whole. Another provider's message is first copied with {@link ForeignMessages}.
     *
     * @throws JMSException what {@link DestinationNaming#nameOf} throws for a JMSReplyTo that cannot travel, or a
     *     {@code ResourceAllocationException} for a message whose encoding would not fit in a byte array
     */
    public byte[] encode(ParleyMessage message) throws JMSException {
        String replyTo = message.getJMSReplyTo() == null ? null : nameOf(message.getJMSReplyTo());
        String correlationId = message.getJMSCorrelationID();
        byte[] correlationIdBytes = message.correlationIdBytes();
        int flags = (message.getJMSMessageID() != null ? MESSAGE_ID : 0)
                | (correlationId != null ? CORRELATION_ID : 0)
                | (correlationIdBytes != null ? CORRELATION_ID_BYTES : 0)
                | (replyTo != null ? REPLY_TO : 0)
                | (message.getJMSType() != null ? TYPE : 0)
                | (message.getJMSTimestamp() != 0 ? TIMESTAMP : 0)
                | (message.getJMSExpiration() != 0 ? EXPIRATION : 0)
                | (message.getJMSDeliveryTime() != 0 ? DELIVERY_TIME : 0);

        EncodingWriter out = new EncodingWriter();
        out.writeByte(VERSION);
        out.writeByte(message.bodyType().code());
        out.writeByte(flags);
        out.writeSignedVarint(message.getJMSDeliveryMode());
        out.writeSignedVarint(message.getJMSPriority());
        if (message.getJMSMessageID() != null) {
            out.writeString(message.getJMSMessageID());
        }
        if (correlationId != null) {
            out.writeString(correlationId);
        }
        if (correlationIdBytes != null) {
            out.writeBytes(correlationIdBytes);
        }
        if (replyTo != null) {
            out.writeString(replyTo);
        }
        if (message.getJMSType() != null) {
            out.writeString(message.getJMSType());
        }
        if (message.getJMSTimestamp() != 0) {
            out.writeSignedVarint(message.getJMSTimestamp());
        }
        if (message.getJMSExpiration() != 0) {
            out.writeSignedVarint(message.getJMSExpiration());
        }
        if (message.getJMSDeliveryTime() != 0) {
            out.writeSignedVarint(message.getJMSDeliveryTime());
        }
        writeProperties(message.properties().asMap(), out);
        BodyEncoding.write(message, out);
        return out.toByteArray();
    }

    /**
     * The message {@code encoded} holds: writable, like a message just built, with a BytesMessage or StreamMessage in
     * write-only mode; the provider calls {@link ParleyMessage#markReceived} before handing it to a consumer.
     *
     * @throws MalformedMessageException when the bytes are not a version {@value #VERSION} encoding
     * @throws JMSException what {@link DestinationNaming#destinationNamed} throws for the JMSReplyTo
     */
    public ParleyMessage decode(byte[] encoded) throws JMSException {
        EncodingReader in = new EncodingReader(Objects.requireNonNull(encoded, "encoded"));
        int version = in.readByte("the encoding version");
        if (version != VERSION) {
            throw new MalformedMessageException(
                    "unknown encoding version " + version + "; this codec reads version " + VERSION, 0);
        }
        int typeCode = in.readByte("the body type");
        BodyType bodyType = BodyType.ofCode(typeCode);
        if (bodyType == null) {
            throw new MalformedMessageException("unknown body type " + typeCode, 1);
        }
        int flags = in.readByte("the header flags");
        if ((flags & CORRELATION_ID) != 0 && (flags & CORRELATION_ID_BYTES) != 0) {
            throw new MalformedMessageException("the flags say the correlation ID is both a string and bytes", 2);
        }

        ParleyMessage message = BodyEncoding.newMessage(bodyType);
        message.setJMSDeliveryMode(in.readSignedInt("JMSDeliveryMode"));
        message.setJMSPriority(in.readSignedInt("JMSPriority"));
        if ((flags & MESSAGE_ID) != 0) {
            message.setJMSMessageID(in.readString("JMSMessageID"));
        }
        if ((flags & CORRELATION_ID) != 0) {
            message.setJMSCorrelationID(in.readString("JMSCorrelationID"));
        }
        if ((flags & CORRELATION_ID_BYTES) != 0) {
            message.setJMSCorrelationIDAsBytes(in.readBytes("JMSCorrelationID"));
        }
        String replyTo = (flags & REPLY_TO) != 0 ? in.readString("JMSReplyTo") : null;
        if ((flags & TYPE) != 0) {
            message.setJMSType(in.readString("JMSType"));
        }
        if ((flags & TIMESTAMP) != 0) {
            message.setJMSTimestamp(in.readSignedVarint("JMSTimestamp"));
        }
        if ((flags & EXPIRATION) != 0) {
            message.setJMSExpiration(in.readSignedVarint("JMSExpiration"));
        }
        if ((flags & DELIVERY_TIME) != 0) {
            message.setJMSDeliveryTime(in.readSignedVarint("JMSDeliveryTime"));
        }
        readProperties(message.properties(), in);
        BodyEncoding.read(message, in);
        in.requireEnd();
        if (replyTo != null) {
            message.setJMSReplyTo(replyToNaming.destinationNamed(replyTo));
        }
        return message;
    }

    private String nameOf(Destination destination) throws JMSException {
        return Objects.requireNonNull(replyToNaming.nameOf(destination),
                () -> "the DestinationNaming gave no name for " + destination);
    }

    private static void writeProperties(Map<String, Object> properties, EncodingWriter out) throws JMSException {
        out.writeUnsignedVarint(properties.size());
        for (Map.Entry<String, Object> property : new TreeMap<>(properties).entrySet()) {
            out.writeString(property.getKey());
            WireValues.write(out, property.getValue());
        }
    }

    private static void readProperties(MessageProperties properties, EncodingReader in)
            throws MalformedMessageException {
        int count = in.readCount("the number of properties");
        String previous = null;
        for (int index = 0; index < count; index++) {
            int namePosition = in.position();
            String name = in.readString("the name of property " + index);
            if (previous != null && previous.compareTo(name) >= 0) {
                throw new MalformedMessageException("property '" + name + "' is not after '" + previous
                        + "': properties are sorted by name and each name comes once", namePosition);
            }
            Object value = WireValues.read(in, "property '" + name + "'");
            String problem = MessageProperties.problemWith(name, value);
            if (problem != null) {
                throw new MalformedMessageException(problem, namePosition);
            }
            properties.put(name, value);
            previous = name;
        }
    }
}
