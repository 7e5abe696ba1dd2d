package io.parley.server.cli;

import io.parley.Broker;
import io.parley.Node;
import io.parley.NodeConfig;
import io.parley.routing.NodeView;
import io.parley.routing.RouteMatcher;
import io.parley.routing.RoutingRequest;
import io.parley.store.ManagementViews;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code parley demo}: builds a node with two brokers in a fresh directory, sets up the Service
 * Broker objects of an order-processing exchange with DDL, and prints the resulting catalog
 * through the management views.
 */
@Command(name = "demo", description = "Create a demo node in a temporary directory, run the sample DDL, print the catalog.")
final class DemoCommand implements Callable<Integer> {
    private static final List<String> BROKER_VIEWS = List.of("databases", "service_message_types", "service_contracts",
            "service_contract_message_usages", "service_queues", "services", "service_contract_usages", "routes");

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to create the node (default: a new temporary directory).")
    Path dir;

    @Option(names = "--keep", description = "Keep the node's stores after the demo instead of deleting them.")
    boolean keep;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path home = dir != null ? dir : Files.createTempDirectory("parley-demo-");
        out.println("Parley demo: node 'demo' in " + home);
        try (Node node = Node.open(NodeConfig.of("demo", home, "Orders", "Shop").withoutNetwork())) {
            Broker orders = node.broker("Orders");
            Broker shop = node.broker("Shop");
            run(orders, script("orders.sql"), out);
            run(shop, script("shop.sql").replace("${Orders.broker_instance}", orders.brokerInstanceId().toString()), out);
            run(node.nodeBroker(), script("msdb.sql"), out);
            for (Broker broker : List.of(orders, shop)) {
                out.println();
                out.println("=== broker '" + broker.name() + "' (" + broker.storeDirectory() + ")");
                for (String view : BROKER_VIEWS) {
                    printView(broker, view, out);
                }
            }
            out.println();
            out.println("=== node store 'msdb' (" + node.nodeBroker().storeDirectory() + ")");
            printView(node.nodeBroker(), "routes", out);
            printView(node.nodeBroker(), "service_broker_endpoints", out);
            printRouting(node, shop, orders, out);
        } finally {
            if (!keep && dir == null) {
                deleteTree(home);
            }
        }
        out.println();
        out.println(keep || dir != null ? "stores kept in " + home : "done; demo stores deleted (use --keep to keep them)");
        return 0;
    }

    private static void run(Broker broker, String ddl, PrintWriter out) {
        broker.execute(ddl);
        out.println("ran DDL on '" + broker.name() + "': " + broker.catalog());
    }

    /** Where messages would go now: route matching over the catalogs just created. */
    private static void printRouting(Node node, Broker shop, Broker orders, PrintWriter out) {
        out.println();
        out.println("=== routing decisions (parley route SERVICE)");
        RouteMatcher matcher = new RouteMatcher(new SplittableRandom());
        NodeView view = node.routingView();
        Instant now = Instant.now();
        List<String[]> cases = List.of(
                new String[] {"Shop", "//Shop/Orders"},
                new String[] {"Shop", "//HeadOffice/Reports"},
                new String[] {"Orders", "//Shop/Storefront"},
                new String[] {"Orders", "//Nowhere"},
                new String[] {null, "//Shop/Orders"},
                new String[] {null, "//HeadOffice/Reports"});
        for (String[] c : cases) {
            Broker sender = "Shop".equals(c[0]) ? shop : "Orders".equals(c[0]) ? orders : null;
            RoutingRequest request = sender == null
                    ? RoutingRequest.incoming(c[1], null)
                    : RoutingRequest.outgoing(sender.brokerInstanceId(), c[1]);
            String origin = sender == null ? "arriving from another node" : "sent by '" + sender.name() + "'";
            out.println("'" + c[1] + "' " + origin + ": " + RouteDescriptions.describe(matcher.match(request, view, now), node));
        }
    }

    private static void printView(Broker broker, String view, PrintWriter out) {
        out.println();
        out.println(ManagementViews.SCHEMA + "." + view.toUpperCase() + "  (sys." + view + ")");
        ViewTable.print(broker.view(view), out);
    }

    private static String script(String name) {
        try (InputStream in = DemoCommand.class.getResourceAsStream("demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo script " + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
