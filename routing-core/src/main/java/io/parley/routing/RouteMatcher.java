package io.parley.routing;

import io.parley.routing.RouteChooser.Choice;
import io.parley.routing.RouteChooser.Located;
import io.parley.routing.RouteChooser.NextHop;
import io.parley.routing.RouteChooser.ServiceAbsent;
import io.parley.routing.RouteChooser.Unusable;
import io.parley.routing.RouteDecision.DeliverLocally;
import io.parley.routing.RouteDecision.Delayed;
import io.parley.routing.RouteDecision.Dropped;
import io.parley.routing.RouteDecision.SendToNextHop;
import io.parley.routing.RouteDecision.ServiceMissing;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Route lookup (§3.2–§3.6): decides for one transmission attempt of one message (R-ROUTE-39) whether
 * it is delivered to a broker of this node, sent to a next hop, kept as DELAYED or dropped. The
 * result depends only on the arguments and on the injected random source, which makes the arbitrary
 * picks of R-ROUTE-14, R-ROUTE-20 and R-ROUTE-25; the matcher reads no clock and remembers nothing
 * between calls. It is safe to share between threads when the random source is.
 */
public final class RouteMatcher {
    private final MatchingSteps steps;
    private final RouteChooser chooser;

    public RouteMatcher(RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        this.steps = new MatchingSteps(random);
        this.chooser = new RouteChooser(random);
    }

    /**
     * Routes {@code request} on {@code node} at {@code now}, the instant this matching run starts,
     * against which route lifetimes are checked (R-ROUTE-5).
     *
     * @throws IllegalArgumentException when a local request names a broker that is not on the node
     */
    public RouteDecision match(RoutingRequest request, NodeView node, Instant now) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(now, "now");
        if (request.origin() instanceof RoutingRequest.Origin.Local local) {
            BrokerView sender = node.broker(local.broker()).orElseThrow(() -> new IllegalArgumentException(
                    "broker " + local.broker() + " sends to '" + request.serviceName() + "' but is not on this node"));
            return routeOutgoing(request, sender.routes(), node, now);
        }
        return routeArrived(request, node, now, null);
    }

    /** R-ROUTE-9 (a): a message of this node's conversation, with its sending broker's routes. */
    private RouteDecision routeOutgoing(RoutingRequest request, RouteTable table, NodeView node, Instant now) {
        MatchingSteps.Outcome outcome = steps.run(table.activeAt(now), request, node);
        if (outcome instanceof MatchingSteps.Unmatched unmatched) {
            return new Delayed(unmatched.status(), needsRouteRequest(unmatched, table, request), null);
        }
        MatchingSteps.Matched matched = (MatchingSteps.Matched) outcome;
        UUID pick = matched.brokerPick();
        Choice choice = chooser.choose(matched.candidates(), request, node);
        if (choice instanceof NextHop hop && node.isOwnAddress(hop.address())) {
            // R-ROUTE-10: the message would come back in from outside. A step-3 pick goes with it as
            // its destination broker id, since the route it was sent by was for that broker.
            UUID destination = request.brokerId() != null ? request.brokerId() : pick;
            return routeArrived(request.withBrokerId(destination), node, now, pick);
        }
        if (choice instanceof NextHop hop) {
            return new SendToNextHop(hop.address(), hop.route(), false, pick);
        }
        if (choice instanceof Unusable) {
            // R-ROUTE-26 and decision §10-16: the sender's own status is 9793 whatever failed.
            return new Delayed(RoutingStatus.NO_ROUTE, false, pick);
        }
        return located(choice, pick);
    }

    /**
     * R-ROUTE-9 (b): a message from another node, or one of this node's own that R-ROUTE-10 sent
     * back in, with the node-level routes. {@code earlierPick} is the step-3 pick of the run that
     * sent it back in, if any. A chosen address of this node itself is not special here: the
     * message is forwarded to it like to any other, and its hop count stops a loop (R-ROUTE-38).
     */
    private RouteDecision routeArrived(RoutingRequest request, NodeView node, Instant now, UUID earlierPick) {
        if (request.reply() && request.brokerId() != null) {
            Optional<BrokerView> initiator = node.deliverableBroker(request.brokerId());
            if (initiator.isPresent()) {
                // R-ROUTE-11: a reply to a broker of this node needs no route at all.
                UUID id = initiator.get().id();
                return initiator.get().hostsService(request.serviceName())
                        ? new DeliverLocally(id, null, earlierPick)
                        : new ServiceMissing(id, null, earlierPick);
            }
        }
        RouteTable table = node.routes();
        MatchingSteps.Outcome outcome = steps.run(table.activeAt(now), request, node);
        if (outcome instanceof MatchingSteps.Unmatched unmatched) {
            // Decision §10-18: there is no conversation here to delay.
            return new Dropped(unmatched.status(), needsRouteRequest(unmatched, table, request), earlierPick);
        }
        MatchingSteps.Matched matched = (MatchingSteps.Matched) outcome;
        UUID pick = matched.brokerPick() != null ? matched.brokerPick() : earlierPick;
        Choice choice = chooser.choose(matched.candidates(), request, node);
        if (choice instanceof NextHop hop) {
            if (!node.forwardingEnabled()) {
                return new Dropped(RoutingStatus.FORWARDING_DISABLED, false, pick);
            }
            boolean relayed = request.origin() instanceof RoutingRequest.Origin.Remote;
            return new SendToNextHop(hop.address(), hop.route(), relayed, pick);
        }
        if (choice instanceof Unusable unusable) {
            return new Dropped(unusable.reason(), false, pick);
        }
        return located(choice, pick);
    }

    /** R-ROUTE-15: (a) ask the dynamic routing service, or (b) wait for the request already pending. */
    private static boolean needsRouteRequest(
            MatchingSteps.Unmatched unmatched, RouteTable table, RoutingRequest request) {
        return unmatched.status() == RoutingStatus.LOCATING_ROUTES
                && !table.isRouteRequestPending(request.serviceName());
    }

    private static RouteDecision located(Choice choice, UUID pick) {
        if (choice instanceof Located located) {
            return new DeliverLocally(located.broker(), located.route(), pick);
        }
        ServiceAbsent absent = (ServiceAbsent) choice;
        return new ServiceMissing(absent.broker(), absent.route(), pick);
    }
}
