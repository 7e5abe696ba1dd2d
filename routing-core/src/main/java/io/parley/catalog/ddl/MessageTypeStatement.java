package io.parley.catalog.ddl;

import io.parley.catalog.Validation;

/**
 * CREATE, ALTER and DROP MESSAGE TYPE (R-OBJ-6): a message type is a name and the validation its
 * bodies get at the receiving side. CREATE without VALIDATION means {@link Validation#NONE}.
 */
public sealed interface MessageTypeStatement extends DdlStatement {

    /** {@code CREATE MESSAGE TYPE name [AUTHORIZATION owner] [VALIDATION = v]}. */
    record Create(SourcePosition position, String name, Validation validation) implements MessageTypeStatement {
    }

    /** {@code ALTER MESSAGE TYPE name VALIDATION = v}. */
    record Alter(SourcePosition position, String name, Validation validation) implements MessageTypeStatement {
    }

    /** {@code DROP MESSAGE TYPE name}. */
    record Drop(SourcePosition position, String name) implements MessageTypeStatement {
    }
}
