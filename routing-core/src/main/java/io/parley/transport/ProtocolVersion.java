package io.parley.transport;

import java.util.OptionalInt;

/**
 * The protocol versions this build speaks. Released versions are frozen; a change to any frame's
 * layout or meaning adds a version, and nodes agree on the highest one both speak in the handshake.
 */
final class ProtocolVersion {
    /** The version frozen frames (HELLO, HELLO_ACCEPTED, REFUSED) are always written in. */
    static final int FIRST = 1;
    static final int LOWEST = 1;
    static final int HIGHEST = 1;

    private ProtocolVersion() {
    }

    static boolean isSpoken(int version) {
        return version >= LOWEST && version <= HIGHEST;
    }

    /** The highest version within the peer's range that this node also speaks, if any. */
    static OptionalInt highestCommon(int peerLowest, int peerHighest) {
        int candidate = Math.min(peerHighest, HIGHEST);
        return candidate >= Math.max(peerLowest, LOWEST) ? OptionalInt.of(candidate) : OptionalInt.empty();
    }

    static String spoken() {
        return LOWEST == HIGHEST ? "version " + LOWEST : "versions " + LOWEST + ".." + HIGHEST;
    }
}
