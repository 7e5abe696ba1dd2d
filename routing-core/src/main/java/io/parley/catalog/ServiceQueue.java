package io.parley.catalog;

/**
 * A service queue and its options (R-OBJ-18). {@code enabled} is STATUS; a disabled queue accepts
 * no SEND into it and no RECEIVE from it (R-OBJ-19). {@code maxQueueReaders} caps how many readers
 * (listeners, message-driven beans) the node runs on the queue at once when activation is on.
 * {@code activationProcedure} is kept as written; Parley activates listeners, not procedures.
 */
public record ServiceQueue(
        String name,
        boolean enabled,
        boolean retention,
        boolean poisonMessageHandling,
        boolean activationEnabled,
        int maxQueueReaders,
        String activationProcedure) {

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
    }

    /** A queue with Service Broker's defaults: STATUS ON, RETENTION OFF, poison handling ON, no activation. */
    public static ServiceQueue withDefaults(String name) {
        return new ServiceQueue(name, true, false, true, false, 0, null);
    }
}
