package io.parley.delivery;

import io.parley.catalog.Route;
import io.parley.catalog.RouteAddress;

/**
 * The {@code transmission_status} texts of a message whose last attempt to reach a next hop failed
 * on this node (R-PROTO-18, §5.5): Service Broker's words first, so an operator recognises them,
 * then what Parley knows — the transport's own explanation, the route, the address and the
 * attempt. A message that was written to its next hop and is waiting for the acknowledgement
 * shows an empty status, as does one the far side refused or dropped: a remote node sends nothing
 * back about those (decision §10-21).
 */
final class TransmissionStatus {
    /** No STARTED broker endpoint on this node, or it could not listen (TRD): nothing leaves the node (R-PROTO-1). */
    static final String TRANSPORT_UNAVAILABLE = "Transport layer is unavailable.";

    private static final int MAX_LENGTH = 4000;

    private TransmissionStatus() {
    }

    /** 9754: no link could be had — TCP connect refused or timed out, handshake refused or timed out. */
    static String connectFailed(String error, Route route, RouteAddress.Tcp address, int attempt) {
        return fit("Connection attempt failed with error: '", error, "'." + where(route, address, attempt));
    }

    /** 9759: the link would not take the frame, such as one larger than the peer accepts. */
    static String sendFailed(String error, Route route, RouteAddress.Tcp address, int attempt) {
        return fit("An error occurred while sending data: '", error, "'." + where(route, address, attempt));
    }

    /** 9755: the link closed after the frame was written and before its acknowledgement arrived. */
    static String receiveFailed(String error, Route route, RouteAddress.Tcp address, int attempt) {
        return fit("An error occurred while receiving data: '", error, "'." + where(route, address, attempt));
    }

    /** The column holds 4000 characters; the transport's explanation is what gets cut. */
    private static String fit(String prefix, String error, String suffix) {
        int room = MAX_LENGTH - prefix.length() - suffix.length();
        return prefix + (error.length() > room ? error.substring(0, Math.max(0, room - 1)) + "…" : error) + suffix;
    }

    private static String where(Route route, RouteAddress.Tcp address, int attempt) {
        return " (route '" + route.name() + "' to " + address + ", attempt " + attempt + ")";
    }
}
