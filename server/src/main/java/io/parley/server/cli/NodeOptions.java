package io.parley.server.cli;

import io.parley.Broker;
import io.parley.Node;
import io.parley.NodeConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options that say which node and broker a command works on: a node configuration file and,
 * when the node hosts more than one broker, the broker's name ({@code msdb} for the node's own store).
 */
final class NodeOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "The node configuration file (properties: node.name, node.data-dir, node.brokers, broker.<name>.store).")
    Path config;

    @Option(names = {"-b", "--broker"}, paramLabel = "NAME",
            description = "The broker to work on; 'msdb' is the node's own store. Default: the node's only broker.")
    String broker;

    Node openNode() {
        if (config == null) {
            throw new IllegalArgumentException("missing --config FILE: the node configuration to work on");
        }
        // A one-shot command only reads or edits the stores; the node it opens stays off the network.
        return Node.open(NodeConfig.load(config).withoutNetwork());
    }

    Broker selectBroker(Node node) {
        if (broker != null) {
            return node.broker(broker);
        }
        if (node.brokers().size() == 1) {
            return node.brokers().iterator().next();
        }
        throw new IllegalArgumentException("node '" + node.config().name() + "' hosts "
                + node.brokers().size() + " brokers; choose one with --broker (or --broker msdb for the node's own store)");
    }
}
