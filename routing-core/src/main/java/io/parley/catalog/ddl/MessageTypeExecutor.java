package io.parley.catalog.ddl;

import io.parley.catalog.Catalog;
import io.parley.catalog.Contract;
import io.parley.catalog.MessageType;
import io.parley.catalog.SystemObjects;
import java.util.List;

/** Applies MESSAGE TYPE statements; the 14 system message types are out of their reach. */
final class MessageTypeExecutor {
    private static final String KIND = "message type";

    private MessageTypeExecutor() {
    }

    static Catalog apply(Catalog catalog, MessageTypeStatement statement) {
        String name = statement.name();
        if (SystemObjects.isSystemMessageType(name)) {
            throw Failures.systemObject(statement, KIND);
        }
        if (statement instanceof MessageTypeStatement.Create create) {
            if (catalog.messageType(name).isPresent()) {
                throw Failures.duplicate(statement, KIND, 0);
            }
            return catalog.withMessageType(new MessageType(name, create.validation()));
        }
        if (catalog.messageType(name).isEmpty()) {
            throw Failures.unknown(statement, KIND);
        }
        if (statement instanceof MessageTypeStatement.Alter alter) {
            return catalog.withMessageType(new MessageType(name, alter.validation()));
        }
        List<String> contracts = catalog.contracts().stream()
                .filter(contract -> contract.sentBy(name).isPresent())
                .map(Contract::name)
                .toList();
        if (!contracts.isEmpty()) {
            throw Failures.inUse(statement, KIND, "contract", contracts);
        }
        return catalog.withoutMessageType(name);
    }
}
