package io.parley.transport;

import io.netty.buffer.ByteBufUtil;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The limits of frame fields, checked where a frame is built, so that every frame this node holds
 * can be written and every frame it reads was valid; a decoded field that breaks one makes the
 * frame malformed. Strings are measured in UTF-8 bytes, as they travel.
 */
final class FieldRules {
    /** Service, contract and message type names: 256 characters of up to three bytes, with room to spare. */
    static final int MAX_NAME_BYTES = 1024;
    static final int MAX_NODE_NAME_BYTES = 256;
    /** Descriptions and refusal texts: Service Broker's 3000-character error descriptions fit. */
    static final int MAX_TEXT_BYTES = 16_384;
    static final int MAX_BROKERS = 1024;

    private FieldRules() {
    }

    static String name(String value, String field) {
        return string(value, field, MAX_NAME_BYTES, false);
    }

    static String text(String value, String field) {
        return string(value, field, MAX_TEXT_BYTES, true);
    }

    static String string(String value, String field, int maxBytes, boolean emptyAllowed) {
        Objects.requireNonNull(value, field);
        if (!emptyAllowed && value.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        int bytes = ByteBufUtil.utf8Bytes(value);
        if (bytes > maxBytes) {
            throw new IllegalArgumentException(field + " is " + bytes + " bytes in UTF-8; the limit is " + maxBytes);
        }
        return value;
    }

    /** The instant as the wire carries it: whole milliseconds since the epoch. */
    static Instant millis(Instant value, String field) {
        Objects.requireNonNull(value, field);
        try {
            return Instant.ofEpochMilli(value.toEpochMilli());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(field + " " + value + " is beyond what milliseconds since 1970 can express");
        }
    }

    /** The duration as the wire carries it: whole milliseconds in a signed 32-bit field. */
    static Duration millis(Duration value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException(field + " " + value + " is outside 0.." + Integer.MAX_VALUE + " ms");
        }
        return Duration.ofMillis(value.toMillis());
    }

    static int range(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " " + value + " is outside " + min + ".." + max);
        }
        return value;
    }
}
