package io.parley.catalog;

import java.util.Objects;

/**
 * A message type: a name that travels with every message and compares byte-exactly (R-OBJ-1),
 * and the validation the receiving side applies to bodies of this type (R-OBJ-6).
 */
public record MessageType(String name, Validation validation) {
    public MessageType {
        Names.require(name, "message type", Names.MAX_TYPE_OR_CONTRACT_LENGTH);
        Objects.requireNonNull(validation, "validation");
    }
}
