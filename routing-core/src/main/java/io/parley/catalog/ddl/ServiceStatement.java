package io.parley.catalog.ddl;

import java.util.List;
import java.util.Optional;

/**
 * CREATE, ALTER and DROP SERVICE (R-OBJ-25): a service names its queue and the contracts it
 * accepts as a target. Queue names are stored without database and schema parts.
 */
public sealed interface ServiceStatement extends DdlStatement {

    /** {@code CREATE SERVICE name [AUTHORIZATION owner] ON QUEUE q [( contract, … )]}. */
    record Create(SourcePosition position, String name, String queueName, List<String> contracts)
            implements ServiceStatement {
        public Create {
            contracts = List.copyOf(contracts);
        }
    }

    /** {@code ALTER SERVICE name [ON QUEUE q] [( ADD CONTRACT c | DROP CONTRACT c, … )]}; changes apply in order. */
    record Alter(SourcePosition position, String name, Optional<String> queueName, List<ContractChange> contractChanges)
            implements ServiceStatement {
        public Alter {
            contractChanges = List.copyOf(contractChanges);
        }
    }

    /** {@code DROP SERVICE name}. */
    record Drop(SourcePosition position, String name) implements ServiceStatement {
    }

    /** One change of ALTER SERVICE: {@code ADD CONTRACT c} when {@code add}, else {@code DROP CONTRACT c}. */
    record ContractChange(boolean add, String contract) {
    }
}
