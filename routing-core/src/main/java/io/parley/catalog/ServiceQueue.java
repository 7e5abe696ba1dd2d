package io.parley.catalog;

/**
 * A service queue and its options (R-OBJ-18). {@code enabled} is STATUS; a disabled queue accepts
 * no SEND into it and no RECEIVE from it (R-OBJ-19). {@code maxQueueReaders} caps how many readers
 * (listeners, message-driven beans) the node runs on the queue at once when activation is on.
 * {@code activationProcedure} is kept as written; Parley activates listeners, not procedures.
 * {@code deadLetter} is Parley's own dead-letter policy, null when the queue has none.
 */
public record ServiceQueue(
        String name,
        boolean enabled,
        boolean retention,
        boolean poisonMessageHandling,
        boolean activationEnabled,
        int maxQueueReaders,
        String activationProcedure,
        DeadLetterPolicy deadLetter) {

    /** The largest MAX_QUEUE_READERS Service Broker accepts. */
    public static final int MAX_READERS_LIMIT = 32767;

    public ServiceQueue {
        Names.require(name, "queue", Names.MAX_SYSNAME_LENGTH);
        if (name.startsWith("#")) {
            throw new CatalogException("queue name '" + name + "' must not start with '#' (R-OBJ-4)");
        }
        if (maxQueueReaders < 0 || maxQueueReaders > MAX_READERS_LIMIT) {
            throw new CatalogException("MAX_QUEUE_READERS " + maxQueueReaders
                    + " of queue '" + name + "' is outside 0.." + MAX_READERS_LIMIT);
        }
        if (deadLetter != null && deadLetter.queueName().equals(name)) {
            throw new CatalogException("queue '" + name + "' cannot be its own dead-letter queue:"
                    + " its dead letters would never leave it");
        }
    }

    /** A queue without a dead-letter policy. */
    public ServiceQueue(String name, boolean enabled, boolean retention, boolean poisonMessageHandling,
                        boolean activationEnabled, int maxQueueReaders, String activationProcedure) {
        this(name, enabled, retention, poisonMessageHandling, activationEnabled, maxQueueReaders, activationProcedure,
                null);
    }

    /** A queue with Service Broker's defaults: STATUS ON, RETENTION OFF, poison handling ON, no activation. */
    public static ServiceQueue withDefaults(String name) {
        return new ServiceQueue(name, true, false, true, false, 0, null, null);
    }

    /**
     * Where a message goes once it has been received and rolled back {@code maxDeliveries} times: to
     * the ready messages of the queue {@code queueName}, instead of back into this queue.
     */
    public record DeadLetterPolicy(int maxDeliveries, String queueName) {
        public DeadLetterPolicy {
            if (maxDeliveries < 1) {
                throw new CatalogException("MAX_DELIVERIES " + maxDeliveries + " of a dead-letter policy is below 1");
            }
            Names.require(queueName, "queue", Names.MAX_SYSNAME_LENGTH);
        }
    }
}
