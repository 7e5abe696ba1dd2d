package io.parley.catalog.ddl;

import io.parley.catalog.Catalog;
import io.parley.catalog.Service;
import io.parley.catalog.ddl.ServiceStatement.ContractChange;
import java.util.LinkedHashSet;
import java.util.Set;

/** Applies SERVICE statements: a service's queue and contracts must exist when it names them. */
final class ServiceExecutor {
    private static final String KIND = "service";

    private ServiceExecutor() {
    }

    static Catalog apply(Catalog catalog, ServiceStatement statement) {
        if (statement instanceof ServiceStatement.Create create) {
            return create(catalog, create);
        }
        Service service = catalog.service(statement.name()).orElseThrow(() -> Failures.unknown(statement, KIND));
        if (statement instanceof ServiceStatement.Alter alter) {
            return catalog.withService(altered(catalog, service, alter));
        }
        return catalog.withoutService(service.name());
    }

    private static Catalog create(Catalog catalog, ServiceStatement.Create create) {
        String name = create.name();
        Failures.refuseAny(create, KIND);
        if (catalog.service(name).isPresent()) {
            throw Failures.duplicate(create, KIND, 0);
        }
        requireQueue(catalog, create, create.queueName());
        Set<String> contracts = new LinkedHashSet<>();
        for (String contract : create.contracts()) {
            if (!contracts.add(contract)) {
                throw DdlException.rejected(create, 8404, "service '" + name + "' lists contract '" + contract
                        + "' more than once", name, contract);
            }
            requireContract(catalog, create, contract);
        }
        return catalog.withService(new Service(name, create.queueName(), contracts));
    }

    private static Service altered(Catalog catalog, Service service, ServiceStatement.Alter alter) {
        String queueName = alter.queueName().orElse(service.queueName());
        requireQueue(catalog, alter, queueName);
        Set<String> contracts = new LinkedHashSet<>(service.contracts());
        for (ContractChange change : alter.contractChanges()) {
            String contract = change.contract();
            if (change.add()) {
                requireContract(catalog, alter, contract);
                if (!contracts.add(contract)) {
                    throw DdlException.rejected(alter, 0, "service '" + service.name() + "' already accepts contract '"
                            + contract + "'", service.name(), contract);
                }
            } else if (!contracts.remove(contract)) {
                throw DdlException.rejected(alter, 0, "service '" + service.name() + "' does not accept contract '"
                        + contract + "', so it cannot be dropped from it", service.name(), contract);
            }
        }
        return new Service(service.name(), queueName, contracts);
    }

    private static void requireQueue(Catalog catalog, ServiceStatement statement, String queueName) {
        if (catalog.queue(queueName).isEmpty()) {
            throw Failures.missingReference(statement, KIND, "queue", queueName);
        }
    }

    private static void requireContract(Catalog catalog, ServiceStatement statement, String contract) {
        if (catalog.contract(contract).isEmpty()) {
            throw Failures.missingReference(statement, KIND, "contract", contract);
        }
    }
}
