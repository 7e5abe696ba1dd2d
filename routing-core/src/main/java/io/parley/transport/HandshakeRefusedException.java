package io.parley.transport;

/**
 * The peer answered HELLO with REFUSED: {@link #reason()} is the peer's reason (a protocol version
 * it does not speak, this node connecting to itself, ...) and {@link #peerText()} its explanation.
 */
public final class HandshakeRefusedException extends LinkException {
    private final String peerText;

    HandshakeRefusedException(String address, CloseCause reason, String peerText) {
        super(reason, address + " refused the handshake (" + reason + "): " + peerText);
        this.peerText = peerText;
    }

    /** The peer's own words. */
    public String peerText() {
        return peerText;
    }
}
