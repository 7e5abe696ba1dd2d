package io.parley.transport;

import java.util.Locale;

/** A peer's broker endpoint as this node dials it; host names compare without regard to case. */
record PeerAddress(String host, int port) {

    PeerAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a peer address needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " of " + host + " is outside 1..65535");
        }
        host = host.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "tcp://[" + host + "]:" + port : "tcp://" + host + ":" + port;
    }
}
