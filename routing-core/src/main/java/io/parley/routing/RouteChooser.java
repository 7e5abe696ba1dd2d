package io.parley.routing;

import io.parley.catalog.Route;
import io.parley.catalog.RouteAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Choosing one route from a matched set (§3.4) and, for a LOCAL route, finding the broker that gets
 * the message (§3.5). Which table the set came from and what the choice means for the message's
 * origin is {@link RouteMatcher}'s business.
 */
final class RouteChooser {

    /** The outcome of choosing. */
    sealed interface Choice permits Located, ServiceAbsent, NextHop, Unusable {
    }

    /** Deliver to {@code broker} of this node; {@code route} is null for the implicit route of step 6. */
    record Located(UUID broker, Route route) implements Choice {
    }

    /** The known broker {@code broker} is on this node but lacks the service (R-ROUTE-24, -8490). */
    record ServiceAbsent(UUID broker, Route route) implements Choice {
    }

    /** Send to {@code address}. */
    record NextHop(RouteAddress.Tcp address, Route route) implements Choice {
    }

    /** No category was usable; {@code reason} is why the LOCAL category failed, else NO_ROUTE. */
    record Unusable(RoutingStatus reason) implements Choice {
    }

    private final RandomGenerator random;

    RouteChooser(RandomGenerator random) {
        this.random = random;
    }

    /**
     * Walks the categories of R-ROUTE-20 in order: mirrored routes, LOCAL routes while the service
     * can be found on this node, TCP routes, then TRANSPORT routes when the service name starts with
     * an address (R-ROUTE-6, decision §10-19). A LOCAL route whose service or broker is not here
     * passes on to the next category (R-ROUTE-26).
     */
    Choice choose(List<Candidate> matched, RoutingRequest request, NodeView node) {
        List<Candidate> mirrored = only(matched, Candidate::hasMirror);
        if (!mirrored.isEmpty()) {
            return nextHop(pickOne(mirrored));
        }
        RoutingStatus localFailure = RoutingStatus.NO_ROUTE;
        List<Candidate> local = only(matched, candidate -> candidate.address() instanceof RouteAddress.Local);
        if (!local.isEmpty()) {
            Choice located = locate(pickOne(local), request, node);
            if (!(located instanceof Unusable unusable)) {
                return located;
            }
            localFailure = unusable.reason();
        }
        List<Candidate> tcp = only(matched, candidate -> candidate.address() instanceof RouteAddress.Tcp);
        if (!tcp.isEmpty()) {
            return nextHop(pickOne(tcp));
        }
        List<Candidate> transport = only(matched, candidate -> candidate.address() instanceof RouteAddress.Transport);
        Optional<RouteAddress.Tcp> fromName = RouteAddress.Tcp.fromServiceName(request.serviceName());
        if (!transport.isEmpty() && fromName.isPresent()) {
            return new NextHop(fromName.get(), pickOne(transport).route());
        }
        return new Unusable(localFailure);
    }

    /**
     * R-ROUTE-24: a broker id known from the conversation or the route decides alone, even when
     * another broker hosts the service; R-ROUTE-25: otherwise the service is searched for.
     */
    private Choice locate(Candidate candidate, RoutingRequest request, NodeView node) {
        String service = request.serviceName();
        UUID known = request.brokerId() != null ? request.brokerId() : candidate.broker();
        if (known == null) {
            UUID ownBroker = request.origin() instanceof RoutingRequest.Origin.Local local ? local.broker() : null;
            return node.locateService(service, ownBroker, random)
                    .<Choice>map(broker -> new Located(broker, candidate.route()))
                    .orElse(new Unusable(RoutingStatus.NO_LOCAL_SERVICE));
        }
        // R-ROUTE-20: the LOCAL category counts only while the service exists somewhere on the node.
        if (!node.hostsService(service)) {
            return new Unusable(RoutingStatus.NO_LOCAL_SERVICE);
        }
        // R-OBJ-29: a broker with delivery disabled is invisible, as if it were not on this node.
        Optional<BrokerView> broker = node.deliverableBroker(known);
        if (broker.isEmpty()) {
            return new Unusable(RoutingStatus.NO_LOCAL_BROKER);
        }
        return broker.get().hostsService(service)
                ? new Located(known, candidate.route())
                : new ServiceAbsent(known, candidate.route());
    }

    /** R-ROUTE-20 (pick policy, decision §10-15): uniform among the distinct triples of R-ROUTE-7. */
    private Candidate pickOne(List<Candidate> category) {
        Map<Candidate.Identity, Candidate> distinct = new LinkedHashMap<>();
        for (Candidate candidate : category) {
            distinct.putIfAbsent(candidate.identity(), candidate);
        }
        List<Candidate> choices = new ArrayList<>(distinct.values());
        return choices.get(random.nextInt(choices.size()));
    }

    private static NextHop nextHop(Candidate candidate) {
        return new NextHop((RouteAddress.Tcp) candidate.address(), candidate.route());
    }

    private static List<Candidate> only(List<Candidate> candidates, Predicate<Candidate> category) {
        return candidates.stream().filter(category).toList();
    }
}
