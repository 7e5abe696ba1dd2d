/**
 * Route lookup (§3 of the semantics): given one message of one conversation, the routing tables of
 * the sending broker and of the node, and what the node hosts, {@link io.parley.routing.RouteMatcher}
 * decides whether the message is delivered to a broker of this node, sent to a next-hop address,
 * held as DELAYED or dropped. Matching is a pure function of its inputs, the time passed in and an
 * injected random source; it is run afresh for every transmission attempt (R-ROUTE-39) and keeps no
 * state, so the one thing that must outlive a run, the step-3 broker pick, is handed back to the
 * caller in the {@link io.parley.routing.RouteDecision}.
 */
package io.parley.routing;
