package io.parley.catalog.ddl;

import java.util.Optional;

/**
 * CREATE, ALTER and DROP QUEUE (R-OBJ-18). Options left out of CREATE take Service Broker's
 * defaults; options left out of ALTER keep their current values, which is why each is optional
 * here. The queue name is stored without the database and schema parts it may be written with.
 */
public sealed interface QueueStatement extends DdlStatement {

    /** {@code CREATE QUEUE [db.][schema.]name [WITH option, …] [ON filegroup]}. */
    record Create(SourcePosition position, String name, Options options) implements QueueStatement {
    }

    /** {@code ALTER QUEUE [db.][schema.]name WITH option, …}. */
    record Alter(SourcePosition position, String name, Options options) implements QueueStatement {
    }

    /** {@code DROP QUEUE [db.][schema.]name}. */
    record Drop(SourcePosition position, String name) implements QueueStatement {
    }

    /**
     * The WITH options as written: STATUS, RETENTION, POISON_MESSAGE_HANDLING (STATUS), ACTIVATION (…)
     * and Parley's DEAD_LETTER (…); {@code dropActivation} and {@code dropDeadLetter} are ALTER QUEUE's
     * {@code ACTIVATION (DROP)} and {@code DEAD_LETTER (DROP)}.
     */
    record Options(
            Optional<Boolean> status,
            Optional<Boolean> retention,
            Optional<Boolean> poisonMessageHandling,
            Optional<Activation> activation,
            boolean dropActivation,
            Optional<DeadLetter> deadLetter,
            boolean dropDeadLetter) {

        /** No options at all: a CREATE QUEUE without WITH. */
        public static final Options NONE = new Options(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.empty(), false);
    }

    /** The settings inside {@code ACTIVATION ( … )}; EXECUTE AS is accepted and not kept. */
    record Activation(Optional<Boolean> status, Optional<String> procedureName, Optional<Integer> maxQueueReaders) {
    }

    /** The settings inside {@code DEAD_LETTER ( … )}; ALTER QUEUE may name only one of them. */
    record DeadLetter(Optional<Integer> maxDeliveries, Optional<String> queueName) {
    }
}
