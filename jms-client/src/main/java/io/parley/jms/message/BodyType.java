package io.parley.jms.message;

/**
 * The six kinds of Jakarta Messaging message, by body; {@link #code()} is the byte that names the kind in the
 * encoding ({@code docs/jms-encoding.md}), fixed once released: a new kind gets a new code, an old one is never reused.
 */
enum BodyType {
    NONE(0, "Message"),
    BYTES(1, "BytesMessage"),
    MAP(2, "MapMessage"),
    OBJECT(3, "ObjectMessage"),
    STREAM(4, "StreamMessage"),
    TEXT(5, "TextMessage");

    private final int code;
    private final String interfaceName;

    BodyType(int code, String interfaceName) {
        this.code = code;
        this.interfaceName = interfaceName;
    }

    int code() {
        return code;
    }

    /** The Jakarta Messaging interface of this kind of message, for error messages. */
    String interfaceName() {
        return interfaceName;
    }

    /** The kind with this code, or null when no kind has it. */
    static BodyType ofCode(int code) {
        for (BodyType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }
}
