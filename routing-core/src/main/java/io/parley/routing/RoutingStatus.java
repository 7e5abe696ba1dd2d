package io.parley.routing;

/**
 * Why a message could not be routed, with the Service Broker error number and its exact text. A
 * DELAYED conversation shows the text as its {@code transmission_status} (only {@link #NO_ROUTE} and
 * {@link #LOCATING_ROUTES} occur there, decision §10-16); a node that drops a message records the
 * number and text as its diagnostic (R-ROUTE-21, R-ROUTE-26, decision §10-18).
 */
public enum RoutingStatus {
    /** No route matched, or none of the matched routes was usable (R-ROUTE-18, R-ROUTE-26). */
    NO_ROUTE(9793, "The target service name could not be found. Ensure that the service name is specified"
            + " correctly and/or the routing information has been supplied."),
    /** Waiting for the dynamic routing service (R-ROUTE-15). */
    LOCATING_ROUTES(9770, "Locating routes and security information via the Broker Configuration Service."),
    /** A message from another node would have to be forwarded, but forwarding is off (R-ROUTE-21). */
    FORWARDING_DISABLED(9792, "Could not forward the message because forwarding is disabled in this SQL Server"
            + " instance."),
    /** A LOCAL route matched, but no broker of this node hosts the service (R-ROUTE-26). */
    NO_LOCAL_SERVICE(9796, "The target service name matched a LOCAL route, but there is no service by that name"
            + " in the local SQL Server instance."),
    /** A LOCAL route matched for a known broker id that no broker of this node has (R-ROUTE-26). */
    NO_LOCAL_BROKER(9795, "Could not find the target broker in the local SQL Server instance.");

    private final int number;
    private final String text;

    RoutingStatus(int number, String text) {
        this.number = number;
        this.text = text;
    }

    /** The Service Broker error number. */
    public int number() {
        return number;
    }

    /** The text, byte for byte as SQL Server shows it. */
    public String text() {
        return text;
    }
}
