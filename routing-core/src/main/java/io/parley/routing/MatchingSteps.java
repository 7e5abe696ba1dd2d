package io.parley.routing;

import io.parley.catalog.Route;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Steps 1–7 of §3.3: which routes of one table match a message. The first step that yields a route
 * ends matching (R-ROUTE-12..18); the caller passes only unexpired routes (R-ROUTE-5).
 */
final class MatchingSteps {

    /** The result of matching: a set for choosing, or a status that ends routing without a route. */
    sealed interface Outcome permits Matched, Unmatched {
    }

    /** A non-empty matched set, with the broker id step 3 picked if it ran. */
    record Matched(List<Candidate> candidates, UUID brokerPick) implements Outcome {
    }

    /** Step 4 ({@link RoutingStatus#LOCATING_ROUTES}) or step 7 ({@link RoutingStatus#NO_ROUTE}). */
    record Unmatched(RoutingStatus status) implements Outcome {
    }

    private final RandomGenerator random;

    MatchingSteps(RandomGenerator random) {
        this.random = random;
    }

    /**
     * Runs the steps over {@code routes}: 1 the routes for the service and the conversation's broker
     * id (R-ROUTE-12); 2 those for the service and no broker id, with or without a conversation
     * broker id (R-ROUTE-13); 3 without a conversation broker id only, those for the service and one
     * picked broker id (R-ROUTE-14); 4 any route to the dynamic routing service (R-ROUTE-15); 5 the
     * routes naming neither (R-ROUTE-16); 6 with a broker id, the implicit LOCAL route when a broker
     * of the node hosts the service (R-ROUTE-17); 7 nothing (R-ROUTE-18). A route for another broker
     * id never matches a conversation that has one (R-ROUTE-2).
     */
    Outcome run(List<Route> routes, RoutingRequest request, NodeView node) {
        String service = request.serviceName();
        UUID brokerId = request.brokerId();
        if (brokerId != null) {
            List<Route> exact = select(routes, route -> service.equals(route.serviceName())
                    && brokerId.equals(route.brokerInstance()));
            if (!exact.isEmpty()) {
                return matched(exact, null);
            }
        }
        List<Route> serviceOnly = select(routes, route -> service.equals(route.serviceName())
                && route.brokerInstance() == null);
        if (!serviceOnly.isEmpty()) {
            return matched(serviceOnly, null);
        }
        if (brokerId == null) {
            List<Route> brokerSpecific = select(routes, route -> service.equals(route.serviceName())
                    && route.brokerInstance() != null);
            if (!brokerSpecific.isEmpty()) {
                UUID pick = pickBroker(brokerSpecific, request.brokerPick());
                return matched(select(brokerSpecific, route -> pick.equals(route.brokerInstance())), pick);
            }
        }
        if (routes.stream().anyMatch(route -> Route.BROKER_CONFIGURATION_SERVICE.equals(route.serviceName()))) {
            return new Unmatched(RoutingStatus.LOCATING_ROUTES);
        }
        // R-ROUTE-19: a route without SERVICE_NAME never has a BROKER_INSTANCE, so this is step 5 exactly.
        List<Route> catchAll = select(routes, route -> route.serviceName() == null);
        if (!catchAll.isEmpty()) {
            return matched(catchAll, null);
        }
        if (brokerId != null && node.hostsService(service)) {
            return new Matched(List.of(Candidate.implicitLocal(service)), null);
        }
        return new Unmatched(RoutingStatus.NO_ROUTE);
    }

    /**
     * R-ROUTE-14: the earlier pick while routes for it remain, so every message of the conversation
     * goes the same way until an ack binds the broker id; otherwise a uniform pick among the ids.
     */
    private UUID pickBroker(List<Route> brokerSpecific, UUID earlierPick) {
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(brokerSpecific.stream().map(Route::brokerInstance).toList()));
        if (earlierPick != null && ids.contains(earlierPick)) {
            return earlierPick;
        }
        return ids.get(random.nextInt(ids.size()));
    }

    private static List<Route> select(List<Route> routes, Predicate<Route> step) {
        return routes.stream().filter(step).toList();
    }

    private static Matched matched(List<Route> routes, UUID brokerPick) {
        return new Matched(routes.stream().map(Candidate::of).toList(), brokerPick);
    }
}
