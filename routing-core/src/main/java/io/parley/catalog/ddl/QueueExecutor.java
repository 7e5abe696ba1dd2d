package io.parley.catalog.ddl;

import io.parley.catalog.Catalog;
import io.parley.catalog.Service;
import io.parley.catalog.ServiceQueue;
import io.parley.catalog.ServiceQueue.DeadLetterPolicy;
import io.parley.catalog.ddl.QueueStatement.Activation;
import io.parley.catalog.ddl.QueueStatement.DeadLetter;
import io.parley.catalog.ddl.QueueStatement.Options;
import java.util.List;
import java.util.Optional;

/**
 * Applies QUEUE statements. CREATE fills in Service Broker's defaults (STATUS ON, RETENTION OFF,
 * poison message handling ON, no activation, no dead-letter policy); an ACTIVATION clause without
 * STATUS turns activation on, and without MAX_QUEUE_READERS allows one reader. ALTER changes only
 * what it names. A dead-letter queue must exist, and cannot be dropped while a queue names it.
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
            return withDeadLetterQueueChecked(catalog, statement, created(statement, create.options()));
        }
        ServiceQueue queue = catalog.queue(name).orElseThrow(() -> Failures.unknown(statement, KIND));
        if (statement instanceof QueueStatement.Alter alter) {
            return withDeadLetterQueueChecked(catalog, statement, altered(statement, queue, alter.options()));
        }
        List<String> services = catalog.services().stream()
                .filter(service -> service.queueName().equals(name))
                .map(Service::name)
                .toList();
        if (!services.isEmpty()) {
            throw Failures.inUse(statement, KIND, "service", services);
        }
        refuseDroppingADeadLetterQueue(catalog, statement);
        return catalog.withoutQueue(name);
    }

    private static Catalog withDeadLetterQueueChecked(Catalog catalog, QueueStatement statement, ServiceQueue queue) {
        DeadLetterPolicy policy = queue.deadLetter();
        if (policy != null && catalog.queue(policy.queueName()).isEmpty()) {
            throw Failures.missingReference(statement, KIND, "dead-letter queue", policy.queueName());
        }
        return catalog.withQueue(queue);
    }

    private static void refuseDroppingADeadLetterQueue(Catalog catalog, QueueStatement statement) {
        List<String> users = catalog.queues().stream()
                .filter(queue -> queue.deadLetter() != null && queue.deadLetter().queueName().equals(statement.name()))
                .map(ServiceQueue::name)
                .toList();
        if (!users.isEmpty()) {
            throw Failures.deadLetterQueueInUse(statement, users);
        }
    }

    private static ServiceQueue created(QueueStatement statement, Options options) {
        Optional<Activation> activation = options.activation();
        return new ServiceQueue(
                statement.name(),
                options.status().orElse(true),
                options.retention().orElse(false),
                options.poisonMessageHandling().orElse(true),
                activation.map(a -> a.status().orElse(true)).orElse(false),
                activation.map(a -> a.maxQueueReaders().orElse(DEFAULT_READERS)).orElse(0),
                activation.flatMap(Activation::procedureName).orElse(null),
                options.deadLetter().map(d -> policy(statement, null, d)).orElse(null));
    }

    /** The policy {@code option} makes of {@code current} (null: none yet); a new policy needs both settings. */
    private static DeadLetterPolicy policy(QueueStatement statement, DeadLetterPolicy current, DeadLetter option) {
        Optional<Integer> maxDeliveries = option.maxDeliveries().or(() -> Optional.ofNullable(current)
                .map(DeadLetterPolicy::maxDeliveries));
        Optional<String> queueName = option.queueName().or(() -> Optional.ofNullable(current)
                .map(DeadLetterPolicy::queueName));
        if (maxDeliveries.isEmpty() || queueName.isEmpty()) {
            throw DdlException.rejected(statement, 0, KIND + " '" + statement.name() + "' has no dead-letter policy yet,"
                    + " so DEAD_LETTER ( … ) must give both MAX_DELIVERIES and QUEUE", statement.name());
        }
        return new DeadLetterPolicy(maxDeliveries.get(), queueName.get());
    }

    private static ServiceQueue altered(QueueStatement statement, ServiceQueue queue, Options options) {
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
        DeadLetterPolicy deadLetter = options.dropDeadLetter() ? null : options.deadLetter()
                .map(d -> policy(statement, queue.deadLetter(), d))
                .orElse(queue.deadLetter());
        return new ServiceQueue(
                queue.name(),
                options.status().orElse(queue.enabled()),
                options.retention().orElse(queue.retention()),
                options.poisonMessageHandling().orElse(queue.poisonMessageHandling()),
                activationEnabled,
                maxQueueReaders,
                procedure,
                deadLetter);
    }
}
