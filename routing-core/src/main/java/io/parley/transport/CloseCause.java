package io.parley.transport;

import java.lang.System.Logger.Level;

/**
 * Why a connection ended, or never became a link. The causes with a wire code are the reasons a
 * node gives its peer in a REFUSED frame (codes never change or get reused); the others are seen
 * only by this node. {@link TransportCounters} counts ended connections by cause, and each cause is
 * logged at most once per connection, with a stable message id and what to do about it.
 */
public enum CloseCause {
    /** The peer offered only protocol versions this node does not speak, or wrote a frame in one. */
    UNSUPPORTED_VERSION(1, Level.WARNING, "PRL-4001", "upgrade the older node so both speak a common protocol version"),
    /** The node connected to itself. */
    SAME_NODE(2, Level.WARNING, "PRL-4002", "a route's ADDRESS leads back to this node; correct the route"),
    /** The first frame on an accepted connection was not HELLO. */
    HELLO_EXPECTED(3, Level.WARNING, "PRL-4003", "only Parley nodes may connect to the broker endpoint's port"),
    /** A frame was longer than the receiving node accepts. */
    FRAME_TOO_LARGE(4, Level.WARNING, "PRL-4004", "raise the receiving node's maximum frame size or send smaller messages"),
    /** A frame could not be read: a field out of range, cut short, or followed by stray bytes. */
    MALFORMED_FRAME(5, Level.WARNING, "PRL-4005", "the peer is not a compatible Parley node, or the bytes were damaged on the way"),
    /** A frame's type byte names no frame of its protocol version. */
    UNKNOWN_FRAME_TYPE(6, Level.WARNING, "PRL-4006", "the peer is not a compatible Parley node"),
    /** A frame that is not allowed at this point, such as a second HELLO. */
    UNEXPECTED_FRAME(7, Level.WARNING, "PRL-4007", "the peer does not follow the protocol; check its version"),
    /** The handshake did not finish in time. */
    HANDSHAKE_TIMEOUT(8, Level.WARNING, "PRL-4008", "the peer is not a Parley node, or is overloaded; the handshake timeout is a transport setting"),
    /** Nothing arrived for longer than the silence limit, not even a keep-alive. */
    PEER_SILENT(9, Level.WARNING, "PRL-4009", "check the network; the peer's keep-alive interval must be shorter than this node's silence limit"),
    /** The peer gave a reason code this node does not know; its text says more. */
    OTHER(0, Level.WARNING, "PRL-4010", "see the peer's text; the peer runs a newer version"),
    /** The byte stream ended inside a frame. */
    TRUNCATED_FRAME(-1, Level.WARNING, "PRL-4011", "the peer stopped in the middle of a frame; unacknowledged messages are sent again"),
    /** The network or the operating system broke the connection. */
    CONNECTION_RESET(-1, Level.INFO, "PRL-4012", "network trouble or an abrupt stop of the peer; unacknowledged messages are sent again"),
    /** No TCP connection could be opened. */
    CONNECT_FAILED(-1, Level.INFO, "PRL-4013", "check that the peer's broker endpoint listens at this address"),
    /** The peer ended the connection with a REFUSED frame. */
    REFUSED_BY_PEER(-1, Level.WARNING, "PRL-4014", "see the peer's reason"),
    /** The peer closed the connection between frames. */
    PEER_CLOSED(-1, Level.DEBUG, "PRL-4015", "none needed"),
    /** This node closed the connection. */
    CLOSED_LOCALLY(-1, Level.DEBUG, "PRL-4016", "none needed"),
    /**
     * TLS failed: the peer presented no certificate or one this node's trust store does not vouch
     * for, did not trust this node's, or did not speak TLS at all.
     */
    TLS_FAILED(-1, Level.WARNING, "PRL-4018", "each node's trust store must hold the other's certificate (or its"
            + " authority's), neither may be expired, and both nodes must be configured for TLS"),
    /** A defect in Parley. */
    INTERNAL_ERROR(-1, Level.ERROR, "PRL-4017", "report this log entry to Parley's developers");

    private final int wireCode;
    private final Level level;
    private final String logId;
    private final String remedy;

    CloseCause(int wireCode, Level level, String logId, String remedy) {
        this.wireCode = wireCode;
        this.level = level;
        this.logId = logId;
        this.remedy = remedy;
    }

    /** The code in a REFUSED frame, or -1 for a cause that never leaves this node. */
    public int wireCode() {
        return wireCode;
    }

    /** True when this cause can be told to the peer in a REFUSED frame. */
    public boolean travels() {
        return wireCode >= 0;
    }

    /** What an operator can do about it. */
    public String remedy() {
        return remedy;
    }

    Level level() {
        return level;
    }

    String logId() {
        return logId;
    }

    /** The cause with this wire code; {@link #OTHER} for one this node does not know. */
    static CloseCause ofWireCode(int code) {
        for (CloseCause cause : values()) {
            if (cause.wireCode == code && cause.travels()) {
                return cause;
            }
        }
        return OTHER;
    }
}
