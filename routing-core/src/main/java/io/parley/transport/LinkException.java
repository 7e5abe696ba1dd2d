package io.parley.transport;

/**
 * A link could not be had or could not carry a frame: no TCP connection, a handshake that timed
 * out or was refused, a frame larger than the peer accepts, or a link that closed under the
 * write. {@link #reason()} says which in a form a program can act on; the message says it for an
 * operator, naming the address, and is fit for a transmission status (R-PROTO-18).
 */
public class LinkException extends Exception {
    private final CloseCause reason;

    public LinkException(CloseCause reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public LinkException(CloseCause reason, String message) {
        this(reason, message, null);
    }

    /** Why: for instance {@link CloseCause#CONNECT_FAILED}, {@link CloseCause#HANDSHAKE_TIMEOUT}. */
    public CloseCause reason() {
        return reason;
    }
}
