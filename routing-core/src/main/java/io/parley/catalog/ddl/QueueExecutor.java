package io.parley.catalog.ddl;

import io.parley.catalog.Catalog;
import io.parley.catalog.Service;
import io.parley.catalog.ServiceQueue;
import io.parley.catalog.ddl.QueueStatement.Activation;
import io.parley.catalog.ddl.QueueStatement.Options;
import java.util.List;
import java.util.Optional;

/**
 * Applies QUEUE statements. CREATE fills in Service Broker's defaults (STATUS ON, RETENTION OFF,
 * poison message handling ON, no activation); an ACTIVATION clause without STATUS turns activation
 * on, and without MAX_QUEUE_READERS allows one reader. ALTER changes only what it names.
 */
final class QueueExecutor {
    private static final String KIND = "queue";
    /** SQL Server's "There is already an object named … in the database." for schema-scoped objects. */
    private static final int OBJECT_EXISTS = 2714;
    private static final int DEFAULT_READERS = 1;

    private QueueExecutor() {
    }

    static Catalog apply(Catalog catalog, QueueStatement statement) {
        String name = statement.name();
        if (statement instanceof QueueStatement.Create create) {
            if (catalog.queue(name).isPresent()) {
                throw Failures.duplicate(statement, KIND, OBJECT_EXISTS);
            }
            return catalog.withQueue(created(name, create.options()));
        }
        ServiceQueue queue = catalog.queue(name).orElseThrow(() -> Failures.unknown(statement, KIND));
        if (statement instanceof QueueStatement.Alter alter) {
            return catalog.withQueue(altered(queue, alter.options()));
        }
        List<String> services = catalog.services().stream()
                .filter(service -> service.queueName().equals(name))
                .map(Service::name)
                .toList();
        if (!services.isEmpty()) {
            throw Failures.inUse(statement, KIND, "service", services);
        }
        return catalog.withoutQueue(name);
    }

    private static ServiceQueue created(String name, Options options) {
        Optional<Activation> activation = options.activation();
        return new ServiceQueue(
                name,
                options.status().orElse(true),
                options.retention().orElse(false),
                options.poisonMessageHandling().orElse(true),
                activation.map(a -> a.status().orElse(true)).orElse(false),
                activation.map(a -> a.maxQueueReaders().orElse(DEFAULT_READERS)).orElse(0),
                activation.flatMap(Activation::procedureName).orElse(null));
    }

    private static ServiceQueue altered(ServiceQueue queue, Options options) {
        boolean activationEnabled = queue.activationEnabled();
        int maxQueueReaders = queue.maxQueueReaders();
        String procedure = queue.activationProcedure();
        if (options.dropActivation()) {
            activationEnabled = false;
            maxQueueReaders = 0;
            procedure = null;
        } else if (options.activation().isPresent()) {
            Activation activation = options.activation().get();
            activationEnabled = activation.status().orElse(activationEnabled);
            maxQueueReaders = activation.maxQueueReaders().orElse(maxQueueReaders);
            procedure = activation.procedureName().orElse(procedure);
        }
        return new ServiceQueue(
                queue.name(),
                options.status().orElse(queue.enabled()),
                options.retention().orElse(queue.retention()),
                options.poisonMessageHandling().orElse(queue.poisonMessageHandling()),
                activationEnabled,
                maxQueueReaders,
                procedure);
    }
}
