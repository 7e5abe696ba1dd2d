package io.parley.catalog;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A service: the name dialogs address (compared byte-exactly, R-OBJ-1), the queue its incoming
 * messages go to, and the contracts it accepts as a target (R-OBJ-25). A service with no contracts
 * can only initiate dialogs.
 */
public record Service(String name, String queueName, Set<String> contracts) {
    public Service {
        Names.require(name, "service", Names.MAX_SERVICE_NAME_LENGTH);
        Objects.requireNonNull(queueName, "queueName");
        Objects.requireNonNull(contracts, "contracts");
        contracts = Collections.unmodifiableSet(new LinkedHashSet<>(contracts));
    }

    /** True when this service accepts dialogs under the named contract as their target (R-OBJ-26). */
    public boolean accepts(String contractName) {
        return contracts.contains(contractName);
    }
}
