package io.parley.catalog;

/**
 * How the receiving side checks a message body of a given type (R-OBJ-6). {@link #code()} is the
 * one-letter value Service Broker shows in a queue's {@code validation} column; {@code VALID_JSON}
 * is Parley's addition and shows as {@code J}.
 */
public enum Validation {
    NONE("N"),
    EMPTY("E"),
    WELL_FORMED_XML("X"),
    VALID_JSON("J");

    private final String code;

    Validation(String code) {
        this.code = code;
    }

    /** The one-letter code of {@code sys.service_message_types.validation}. */
    public String code() {
        return code;
    }

    /** Returns the validation for a one-letter code written by {@link #code()}. */
    public static Validation ofCode(String code) {
        for (Validation v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown validation code '" + code + "'");
    }
}
