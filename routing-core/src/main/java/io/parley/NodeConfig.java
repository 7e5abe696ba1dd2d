package io.parley;

import io.parley.delivery.RetrySchedule;
import io.parley.transport.TlsSecurity;
import io.parley.transport.TlsStores;
import io.parley.transport.TransportSecurity;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What a node hosts and where its stores live, read from a properties file:
 * <pre>
 * node.name     = orders-node          # optional, default "parley"
 * node.data-dir = /var/lib/parley      # required; relative paths are relative to the file
 * node.brokers  = Orders, Billing      # optional; the brokers this node hosts
 * broker.Orders.store = /fast/orders   # optional; default &lt;data-dir&gt;/&lt;broker&gt;
 * transport.tls.key-store            = node.p12   # optional, all four or none: TLS between nodes
 * transport.tls.key-store-password   = …
 * transport.tls.trust-store          = peers.p12
 * transport.tls.trust-store-password = …
 * </pre>
 * The node's own store (Parley's msdb) is always {@code <data-dir>/msdb}. Every problem in a file is
 * reported at once, naming the key and value, and an unknown key is an error rather than ignored.
 * {@code network} says whether the node listens and connects while its broker endpoint is STARTED;
 * tools that open a node's stores for a moment turn it off. {@code tls} (null for plain TCP) says
 * how the node authenticates itself to other nodes and them to it.
 */
public record NodeConfig(String name, Path dataDir, Map<String, Path> brokerStores, RetrySchedule retry,
                         boolean network, TlsStores tls) {
    /** The name of the node's own store, Service Broker's msdb. */
    public static final String NODE_STORE_NAME = "msdb";

    private static final Pattern BROKER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    private static final Pattern BROKER_STORE_KEY = Pattern.compile("broker\\.([^.]+)\\.store");
    private static final String KEY_STORE = "transport.tls.key-store";
    private static final String KEY_STORE_PASSWORD = "transport.tls.key-store-password";
    private static final String TRUST_STORE = "transport.tls.trust-store";
    private static final String TRUST_STORE_PASSWORD = "transport.tls.trust-store-password";
    private static final List<String> TLS_KEYS = List.of(KEY_STORE, KEY_STORE_PASSWORD, TRUST_STORE, TRUST_STORE_PASSWORD);

    public NodeConfig {
        brokerStores = Collections.unmodifiableMap(new LinkedHashMap<>(brokerStores));
        Objects.requireNonNull(retry, "retry");
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** A node named {@code name} with its stores under {@code dataDir}, one broker per name. */
    public static NodeConfig of(String name, Path dataDir, String... brokers) {
        Map<String, Path> stores = new LinkedHashMap<>();
        for (String broker : brokers) {
            stores.put(broker, dataDir.resolve(broker));
        }
        return new NodeConfig(name, dataDir, stores, RetrySchedule.DEFAULT, true, null);
    }

    /** This configuration with another retry schedule for unacknowledged messages (R-PROTO-14). */
    public NodeConfig withRetry(RetrySchedule schedule) {
        return new NodeConfig(name, dataDir, brokerStores, schedule, network, tls);
    }

    /**
     * This configuration for a node that neither listens nor connects to other nodes, whatever its
     * endpoint says: for opening a node's stores for a moment, as the command line's one-shot
     * commands do. Messages for next hops wait with "Transport layer is unavailable.".
     */
    public NodeConfig withoutNetwork() {
        return new NodeConfig(name, dataDir, brokerStores, retry, false, tls);
    }

    /** This configuration with TLS and mutual certificate authentication between nodes (§6.1). */
    public NodeConfig withTls(TlsStores stores) {
        return new NodeConfig(name, dataDir, brokerStores, retry, network, Objects.requireNonNull(stores, "stores"));
    }

    /**
     * How the node's connections to other nodes are secured: TLS from {@link #tls()}, or plain TCP.
     *
     * @throws InvalidConfigException when a TLS store cannot be read
     */
    public TransportSecurity transportSecurity() {
        if (tls == null) {
            return TransportSecurity.NONE;
        }
        try {
            return TlsSecurity.of(tls);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(List.of(e.getMessage()));
        }
    }

    /** The directory of the node's own store. */
    public Path nodeStore() {
        return dataDir.resolve(NODE_STORE_NAME);
    }

    /**
     * Reads a configuration file.
     *
     * @throws InvalidConfigException listing every problem found
     */
    public static NodeConfig load(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new InvalidConfigException(List.of("cannot read " + file + ": " + e.getMessage()));
        }
        Path base = file.toAbsolutePath().getParent();
        List<String> problems = new ArrayList<>();
        String name = p.getProperty("node.name", "parley").strip();
        if (!BROKER_NAME.matcher(name).matches()) {
            problems.add("invalid value '" + name + "' for node.name: use letters, digits, '_', '.', '-' (at most 64)");
        }
        String dataDirText = p.getProperty("node.data-dir", "").strip();
        Path dataDir = base.resolve(dataDirText.isEmpty() ? "." : dataDirText);
        if (dataDirText.isEmpty()) {
            problems.add("missing node.data-dir: the directory that holds the node's stores");
        }
        Map<String, Path> stores = new LinkedHashMap<>();
        for (String broker : p.getProperty("node.brokers", "").split(",")) {
            String b = broker.strip();
            if (b.isEmpty()) {
                continue;
            }
            if (!BROKER_NAME.matcher(b).matches() || b.equalsIgnoreCase(NODE_STORE_NAME)) {
                problems.add("invalid broker name '" + b + "' in node.brokers: use letters, digits, '_', '.', '-',"
                        + " starting with a letter; '" + NODE_STORE_NAME + "' is the node's own store");
            } else if (stores.put(b, dataDir.resolve(b)) != null) {
                problems.add("broker '" + b + "' is listed twice in node.brokers");
            }
        }
        for (String key : p.stringPropertyNames()) {
            var storeKey = BROKER_STORE_KEY.matcher(key);
            if (storeKey.matches()) {
                String broker = storeKey.group(1);
                if (stores.containsKey(broker)) {
                    stores.put(broker, base.resolve(p.getProperty(key).strip()));
                } else {
                    problems.add(key + " names broker '" + broker + "', which node.brokers does not list");
                }
            } else if (!List.of("node.name", "node.data-dir", "node.brokers").contains(key) && !TLS_KEYS.contains(key)) {
                problems.add("unknown key '" + key + "'; known keys: node.name, node.data-dir, node.brokers, broker.<name>.store, "
                        + String.join(", ", TLS_KEYS));
            }
        }
        TlsStores tls = tls(p, base, problems);
        if (!problems.isEmpty()) {
            problems.sort(null);
            throw new InvalidConfigException(file, problems);
        }
        return new NodeConfig(name, dataDir, stores, RetrySchedule.DEFAULT, true, tls);
    }

    /** The TLS stores the file names, null for plain TCP; all four keys or none, and the stores readable. */
    private static TlsStores tls(Properties p, Path base, List<String> problems) {
        List<String> given = TLS_KEYS.stream().filter(p::containsKey).toList();
        if (given.isEmpty()) {
            return null;
        }
        if (given.size() < TLS_KEYS.size()) {
            List<String> missing = TLS_KEYS.stream().filter(key -> !p.containsKey(key)).toList();
            problems.add("TLS between nodes needs all of " + String.join(", ", TLS_KEYS) + "; missing: "
                    + String.join(", ", missing));
            return null;
        }
        TlsStores stores = new TlsStores(base.resolve(p.getProperty(KEY_STORE).strip()), p.getProperty(KEY_STORE_PASSWORD),
                base.resolve(p.getProperty(TRUST_STORE).strip()), p.getProperty(TRUST_STORE_PASSWORD));
        try {
            TlsSecurity.of(stores);
            return stores;
        } catch (IllegalArgumentException e) {
            problems.add(KEY_STORE + " / " + TRUST_STORE + ": " + e.getMessage());
            return null;
        }
    }
}
