package io.parley.dialog;

/**
 * The state of a conversation endpoint (§2.2); {@link #code()} is the two letters of
 * {@code sys.conversation_endpoints.state}.
 */
public enum ConversationState {
    STARTED_OUTBOUND("SO"),
    STARTED_INBOUND("SI"),
    CONVERSING("CO"),
    DISCONNECTED_INBOUND("DI"),
    DISCONNECTED_OUTBOUND("DO"),
    ERROR("ER"),
    CLOSED("CD");

    private final String code;

    ConversationState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ConversationState ofCode(String code) {
        for (ConversationState s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown conversation state '" + code + "'");
    }

    /** True while this side may SEND (R-CONV-24): the dialog has started and neither side ended it. */
    boolean canSend() {
        return this == STARTED_OUTBOUND || this == STARTED_INBOUND || this == CONVERSING;
    }
}
