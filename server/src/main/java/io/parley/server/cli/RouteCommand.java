package io.parley.server.cli;

import io.parley.Broker;
import io.parley.Node;
import io.parley.routing.RouteDecision;
import io.parley.routing.RouteMatcher;
import io.parley.routing.RoutingRequest;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code parley route SERVICE}: where a message to a service would go right now — the route
 * matching of a transmission attempt (R-ROUTE-39) run against the node's current catalogs, for a
 * message sent by one of its brokers or, with {@code --incoming}, one arriving from another node.
 */
@Command(name = "route", description = "Show where a message to a service would be routed now.")
final class RouteCommand implements Callable<Integer> {
    @Mixin
    NodeOptions target;

    @Parameters(paramLabel = "SERVICE", description = "The target service name, compared byte-exactly.")
    String service;

    @Option(names = "--broker-instance", paramLabel = "GUID",
            description = "The conversation's broker instance id (as in BEGIN DIALOG ... TO SERVICE 'name', 'guid').")
    UUID brokerInstance;

    @Option(names = "--incoming", description = "Route a message arriving from another node (node-level routes) instead.")
    boolean incoming;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Node node = target.openNode()) {
            RoutingRequest request;
            String origin;
            if (incoming) {
                request = RoutingRequest.incoming(service, brokerInstance);
                origin = "arriving at node '" + node.config().name() + "'";
            } else {
                Broker sender = target.selectBroker(node);
                request = RoutingRequest.outgoing(sender.brokerInstanceId(), service).withBrokerId(brokerInstance);
                origin = "sent by broker '" + sender.name() + "'";
            }
            RouteDecision decision = new RouteMatcher(new SplittableRandom()).match(request, node.routingView(), Instant.now());
            spec.commandLine().getOut().println("'" + service + "' " + origin + ": " + RouteDescriptions.describe(decision, node));
        }
        return 0;
    }
}
