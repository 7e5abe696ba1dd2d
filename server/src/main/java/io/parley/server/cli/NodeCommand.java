package io.parley.server.cli;

import io.parley.Broker;
import io.parley.Node;
import io.parley.NodeConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parley node start}: opens a node's stores and keeps them until the process is stopped. */
@Command(name = "node", description = "Run a node.", subcommands = NodeCommand.Start.class)
final class NodeCommand {

    /** Opens every store of the node, reports where they are, and runs until SIGTERM or Ctrl+C. */
    @Command(name = "start", description = "Start a node: open (or create) its stores and run until stopped.")
    static final class Start implements Callable<Integer> {
        @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "The node configuration file.")
        Path config;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            Logging.showInfo();
            PrintWriter out = spec.commandLine().getOut();
            NodeConfig nodeConfig = NodeConfig.load(config);
            Node node = Node.open(nodeConfig);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                node.close();
                stopped.countDown();
            }, "parley-shutdown"));
            out.println("node '" + nodeConfig.name() + "' started");
            describe(node.nodeBroker(), out);
            for (Broker broker : node.brokers()) {
                describe(broker, out);
            }
            out.println(node.nodeBroker().catalog().endpoint()
                    .map(e -> "broker endpoint '" + e.name() + "': " + e.state() + ", port " + e.listenerPort()
                            + ", forwarding " + (e.messageForwarding() ? "ENABLED" : "DISABLED")
                            + node.listeningAddress().map(a -> ", listening on " + a)
                                    .orElse(", not listening")
                            + (e.messageForwarding() ? " (this release does not forward yet)" : ""))
                    .orElse("no broker endpoint: this node exchanges no network traffic"));
            out.println("running; stop with Ctrl+C or SIGTERM");
            stopped.await();
            return 0;
        }

        private static void describe(Broker broker, PrintWriter out) {
            out.println("  " + broker.kind().name().toLowerCase() + " '" + broker.name() + "' broker instance "
                    + broker.brokerInstanceId() + ", store " + broker.storeDirectory());
        }
    }
}
