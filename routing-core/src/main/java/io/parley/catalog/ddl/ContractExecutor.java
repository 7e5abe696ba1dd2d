package io.parley.catalog.ddl;

import io.parley.catalog.Catalog;
import io.parley.catalog.Contract;
import io.parley.catalog.SentBy;
import io.parley.catalog.Service;
import io.parley.catalog.SystemObjects;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies CONTRACT statements; the DEFAULT contract is out of their reach. */
final class ContractExecutor {
    private static final String KIND = "contract";

    private ContractExecutor() {
    }

    static Catalog apply(Catalog catalog, ContractStatement statement) {
        if (SystemObjects.isSystemContract(statement.name())) {
            throw Failures.systemObject(statement, KIND);
        }
        if (statement instanceof ContractStatement.Create create) {
            return create(catalog, create);
        }
        return drop(catalog, statement);
    }

    private static Catalog create(Catalog catalog, ContractStatement.Create create) {
        String name = create.name();
        Failures.refuseAny(create, KIND);
        if (catalog.contract(name).isPresent()) {
            throw Failures.duplicate(create, KIND, 0);
        }
        Map<String, SentBy> messageTypes = new LinkedHashMap<>();
        for (ContractStatement.Entry entry : create.entries()) {
            String type = entry.messageType();
            if (messageTypes.containsKey(type)) {
                throw DdlException.rejected(create, 8403, "contract '" + name + "' lists message type '" + type
                        + "' more than once", name, type);
            }
            if (catalog.messageType(type).isEmpty()) {
                throw Failures.missingReference(create, KIND, "message type", type);
            }
            messageTypes.put(type, entry.sentBy());
        }
        Contract contract = new Contract(name, messageTypes);
        if (!contract.initiatorCanSend()) {
            throw DdlException.rejected(create, 8492, "contract '" + name
                    + "' must have at least one message type SENT BY INITIATOR or ANY", name);
        }
        return catalog.withContract(contract);
    }

    private static Catalog drop(Catalog catalog, ContractStatement drop) {
        String name = drop.name();
        if (catalog.contract(name).isEmpty()) {
            throw Failures.unknown(drop, KIND);
        }
        List<String> services = catalog.services().stream()
                .filter(service -> service.accepts(name))
                .map(Service::name)
                .toList();
        if (!services.isEmpty()) {
            throw Failures.inUse(drop, KIND, "service", services);
        }
        return catalog.withoutContract(name);
    }
}
