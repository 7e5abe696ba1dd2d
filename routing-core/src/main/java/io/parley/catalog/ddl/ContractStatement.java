package io.parley.catalog.ddl;

import io.parley.catalog.SentBy;
import java.util.List;

/**
 * CREATE and DROP CONTRACT (R-OBJ-12). There is no ALTER CONTRACT: a contract's message types
 * never change after creation. The entries keep the statement's order and any repetition, which
 * the executor rejects.
 */
public sealed interface ContractStatement extends DdlStatement {

    /** {@code CREATE CONTRACT name [AUTHORIZATION owner] ( type SENT BY side [, …] )}. */
    record Create(SourcePosition position, String name, List<Entry> entries) implements ContractStatement {
        public Create {
            entries = List.copyOf(entries);
        }
    }

    /** {@code DROP CONTRACT name}. */
    record Drop(SourcePosition position, String name) implements ContractStatement {
    }

    /** One {@code type SENT BY side} entry of a contract. */
    record Entry(String messageType, SentBy sentBy) {
    }
}
