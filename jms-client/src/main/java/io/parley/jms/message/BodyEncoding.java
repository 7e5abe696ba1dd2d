package io.parley.jms.message;

import jakarta.jms.ResourceAllocationException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body part of the encoding, one layout per kind of message ({@code docs/jms-encoding.md}): bytes as they are,
 * map items sorted by name, stream fields in order, the serialized form of an object, or a string. A null object or
 * text is a single 0 byte, so a message without a body still says so.
 */
final class BodyEncoding {
    private static final int ABSENT = 0;
    private static final int PRESENT = 1;

    private BodyEncoding() {
    }

    static void write(ParleyMessage message, EncodingWriter out) throws ResourceAllocationException {
        switch (message.bodyType()) {
            case NONE -> {
            }
            case BYTES -> out.writeBytes(((ParleyBytesMessage) message).content());
            case MAP -> writeMap(((ParleyMapMessage) message).items(), out);
            case OBJECT -> writeOptionalBytes(((ParleyObjectMessage) message).serializedForm(), out);
            case STREAM -> writeStream(((ParleyStreamMessage) message).fields(), out);
            case TEXT -> writeOptionalString(((ParleyTextMessage) message).getText(), out);
        }
    }

    /** A new, empty message of {@code type}, for the decoder to fill. */
    static ParleyMessage newMessage(BodyType type) {
        return switch (type) {
            case NONE -> new ParleyMessage();
            case BYTES -> new ParleyBytesMessage();
            case MAP -> new ParleyMapMessage();
            case OBJECT -> new ParleyObjectMessage();
            case STREAM -> new ParleyStreamMessage();
            case TEXT -> new ParleyTextMessage();
        };
    }

    static void read(ParleyMessage message, EncodingReader in) throws MalformedMessageException {
        switch (message.bodyType()) {
            case NONE -> {
            }
            case BYTES -> ((ParleyBytesMessage) message).load(in.readBytes("the BytesMessage body"));
            case MAP -> readMap((ParleyMapMessage) message, in);
            case OBJECT -> {
                if (readPresence(in, "the ObjectMessage body")) {
                    ((ParleyObjectMessage) message).loadSerializedForm(in.readBytes("the serialized object"));
                }
            }
            case STREAM -> readStream((ParleyStreamMessage) message, in);
            case TEXT -> {
                if (readPresence(in, "the TextMessage body")) {
                    ((ParleyTextMessage) message).load(in.readString("the text"));
                }
            }
        }
    }

    private static void writeMap(Map<String, Object> items, EncodingWriter out) throws ResourceAllocationException {
        out.writeUnsignedVarint(items.size());
        for (Map.Entry<String, Object> item : new TreeMap<>(items).entrySet()) {
            out.writeString(item.getKey());
            WireValues.write(out, item.getValue());
        }
    }

    private static void readMap(ParleyMapMessage message, EncodingReader in) throws MalformedMessageException {
        int count = in.readCount("the number of map items");
        String previous = null;
        for (int index = 0; index < count; index++) {
            int namePosition = in.position();
            String name = in.readString("the name of map item " + index);
            if (name.isEmpty()) {
                throw new MalformedMessageException("map item " + index + " has an empty name", namePosition);
            }
            if (previous != null && previous.compareTo(name) >= 0) {
                throw new MalformedMessageException("map item '" + name + "' is not after '" + previous
                        + "': items are sorted by name and each name comes once", namePosition);
            }
            message.load(name, WireValues.read(in, "map item '" + name + "'"));
            previous = name;
        }
    }

    private static void writeStream(List<Object> fields, EncodingWriter out) throws ResourceAllocationException {
        out.writeUnsignedVarint(fields.size());
        for (Object field : fields) {
            WireValues.write(out, field);
        }
    }

    private static void readStream(ParleyStreamMessage message, EncodingReader in) throws MalformedMessageException {
        int count = in.readCount("the number of stream fields");
        for (int index = 0; index < count; index++) {
            message.load(WireValues.read(in, "stream field " + index));
        }
    }

    private static void writeOptionalBytes(byte[] bytes, EncodingWriter out) throws ResourceAllocationException {
        out.writeByte(bytes == null ? ABSENT : PRESENT);
        if (bytes != null) {
            out.writeBytes(bytes);
        }
    }

    private static void writeOptionalString(String text, EncodingWriter out) throws ResourceAllocationException {
        out.writeByte(text == null ? ABSENT : PRESENT);
        if (text != null) {
            out.writeString(text);
        }
    }

    private static boolean readPresence(EncodingReader in, String what) throws MalformedMessageException {
        int position = in.position();
        int presence = in.readByte(what);
        if (presence != ABSENT && presence != PRESENT) {
            throw new MalformedMessageException(what + " is marked " + presence + "; only 0 (none) or 1 (present)",
                    position);
        }
        return presence == PRESENT;
    }
}
