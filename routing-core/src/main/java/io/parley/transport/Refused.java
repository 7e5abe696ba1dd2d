package io.parley.transport;

import java.util.Objects;

/**
 * The last frame a node writes on a connection it is ending because of the other side: a refused
 * handshake, a broken frame, silence. It carries the reason's wire code and a text for the other
 * side's log; a code the reader does not know reads as {@link CloseCause#OTHER}.
 */
record Refused(CloseCause reason, String text) implements Frame {

    Refused {
        Objects.requireNonNull(reason, "reason");
        if (!reason.travels()) {
            throw new IllegalArgumentException(reason + " is a local cause and has no wire code");
        }
        FieldRules.text(text, "text");
    }

    @Override
    public FrameType type() {
        return FrameType.REFUSED;
    }
}
