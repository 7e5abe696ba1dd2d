package io.parley.server.cli;

import io.parley.Broker;
import io.parley.Node;
import io.parley.catalog.Route;
import io.parley.routing.RouteDecision;
import io.parley.routing.RoutingStatus;
import java.util.UUID;

/** Turns a route decision into one line an operator reads: what happens, by which route, and why. */
final class RouteDescriptions {
    private RouteDescriptions() {
    }

    static String describe(RouteDecision decision, Node node) {
        String text = what(decision, node);
        return decision.brokerPick() == null ? text : text + " [picked broker instance " + decision.brokerPick() + "]";
    }

    private static String what(RouteDecision decision, Node node) {
        if (decision instanceof RouteDecision.DeliverLocally d) {
            return "deliver locally to " + broker(d.broker(), node) + by(d.route());
        }
        if (decision instanceof RouteDecision.SendToNextHop s) {
            return (s.forwarding() ? "forward to " : "send to ") + s.address() + by(s.route())
                    + (s.route().mirrorAddress() == null ? "" : ", or its mirror " + s.route().mirrorAddress());
        }
        if (decision instanceof RouteDecision.ServiceMissing m) {
            return "error " + RouteDecision.ServiceMissing.ERROR_CODE + ": " + broker(m.broker(), node)
                    + " has no such service" + by(m.route());
        }
        if (decision instanceof RouteDecision.Delayed d) {
            return "DELAYED, transmission_status " + status(d.status())
                    + (d.requestRoute() ? "; a MissingRoute request is sent" : "");
        }
        return "dropped, " + status(((RouteDecision.Dropped) decision).status());
    }

    private static String status(RoutingStatus status) {
        return status.number() + " \"" + status.text() + "\"";
    }

    private static String by(Route route) {
        return route == null ? " (no route needed)" : " by route '" + route.name() + "'";
    }

    private static String broker(UUID id, Node node) {
        String name = node.brokers().stream().filter(b -> b.brokerInstanceId().equals(id)).map(Broker::name)
                .findFirst().orElse(node.nodeBroker().brokerInstanceId().equals(id) ? node.nodeBroker().name() : "?");
        return "broker '" + name + "' (" + id + ")";
    }
}
