package io.parley.jms.connection;

import io.parley.Node;
import io.parley.NodeConfig;
import io.parley.jms.session.BrokerLink;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The nodes connections use in this process, one per node directory, counted: a store can be open only once per
 * process, so every factory and connection on the same directory shares one open {@link Node}. A node the provider
 * opened is closed when the last connection using it closes; a node handed in by the application (embedding) is
 * never closed by the provider, and a configuration naming its directory uses it too.
 */
public final class SharedNodes {
    private static final System.Logger LOG = System.getLogger(SharedNodes.class.getName());
    private static final Map<Path, Entry> OPEN = new HashMap<>();

    private SharedNodes() {
    }

    private static final class Entry {
        private final Node node;
        private final boolean owned;
        private final Map<String, BrokerLink> links = new HashMap<>();
        private int leases;

        private Entry(Node node, boolean owned) {
            this.node = node;
            this.owned = owned;
        }
    }

    /** A use of a shared node, given back with {@link #release()}. */
    public static final class Lease {
        private final Path key;
        private final Entry entry;
        private boolean released;

        private Lease(Path key, Entry entry) {
            this.key = key;
            this.entry = entry;
        }

        public Node node() {
            return entry.node;
        }

        /** The link to broker {@code name} that every connection on this node shares. */
        public BrokerLink broker(String name) {
            synchronized (SharedNodes.class) {
                return entry.links.computeIfAbsent(name, n -> new BrokerLink(entry.node, entry.node.broker(n)));
            }
        }

        /** Gives the node back; the last lease of a node the provider opened closes it. */
        public void release() {
            synchronized (SharedNodes.class) {
                if (released) {
                    return;
                }
                released = true;
                if (--entry.leases == 0 && OPEN.get(key) == entry) {
                    OPEN.remove(key);
                    if (entry.owned) {
                        LOG.log(Level.DEBUG, () -> "closing node " + key + ": its last connection closed");
                        entry.node.close();
                    }
                }
            }
        }
    }

    /** Uses the node of {@code config}, opening it unless this process has it open already. */
    public static synchronized Lease open(NodeConfig config) {
        Path key = config.dataDir();
        Entry entry = OPEN.get(key);
        if (entry == null) {
            entry = new Entry(Node.open(config), true);
            OPEN.put(key, entry);
        }
        entry.leases++;
        return new Lease(key, entry);
    }

    /** Uses a node the application opened and will close itself. */
    public static synchronized Lease embedded(Node node) {
        Path key = node.config().dataDir();
        Entry entry = OPEN.get(key);
        if (entry == null || entry.node != node) {
            if (entry != null && entry.leases > 0) {
                throw new IllegalStateException("the node at " + key + " is already open in this process as another"
                        + " Node object; hand that one to the factory");
            }
            entry = new Entry(node, false);
            OPEN.put(key, entry);
        }
        entry.leases++;
        return new Lease(key, entry);
    }
}
