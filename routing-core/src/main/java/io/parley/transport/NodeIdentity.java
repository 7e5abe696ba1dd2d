package io.parley.transport;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who a node is, as it tells its peers in the handshake: its name (for people), the id of this
 * running instance of it (to recognise a node talking to itself), and the broker instance ids of the
 * brokers it hosts (§1.6), which lets the delivery side see which brokers a link reaches.
 */
public record NodeIdentity(String nodeName, UUID instanceId, Set<UUID> brokerIds) {

    public NodeIdentity {
        FieldRules.string(nodeName, "nodeName", FieldRules.MAX_NODE_NAME_BYTES, false);
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(brokerIds, "brokerIds");
        brokerIds = Collections.unmodifiableSet(new LinkedHashSet<>(brokerIds));
        if (brokerIds.size() > FieldRules.MAX_BROKERS) {
            throw new IllegalArgumentException("a node may announce at most " + FieldRules.MAX_BROKERS
                    + " brokers, not " + brokerIds.size());
        }
        if (brokerIds.contains(null)) {
            throw new NullPointerException("brokerIds contains null");
        }
    }

    @Override
    public String toString() {
        return "node '" + nodeName + "' (instance " + instanceId + ", " + brokerIds.size() + " brokers)";
    }
}
