package io.parley.jms.destination;

import jakarta.jms.JMSException;
import jakarta.jms.TemporaryQueue;
import java.util.Objects;

/**
 * A temporary queue: a service and its queue that the connection creating it made with DDL and drops when it is
 * deleted or the connection closes. Only that connection may consume from it. Messages sent with it as JMSReplyTo
 * travel on dialogs that begin at this service, so replies come back on the same dialogs; those dialogs are ended
 * when it is deleted.
 */
public final class TemporaryServiceDestination implements ParleyDestination, TemporaryQueue {
    private final String name;
    private final Object owner;
    private final Deletion deletion;

    /** What deleting one does; the connection that made it supplies it. */
    @FunctionalInterface
    public interface Deletion {
        void delete(TemporaryServiceDestination queue) throws JMSException;
    }

    public TemporaryServiceDestination(String name, Object owner, Deletion deletion) {
        this.name = Objects.requireNonNull(name, "name");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.deletion = Objects.requireNonNull(deletion, "deletion");
    }

    @Override
    public String name() {
        return name;
    }

    /** Whether {@code connection} is the one that created this queue. */
    public boolean isOwnedBy(Object connection) {
        return owner == connection;
    }

    /**
     * Drops the service and its queue after ending the dialogs that began here.
     *
     * @throws JMSException while a consumer of it is open
     */
    @Override
    public void delete() throws JMSException {
        deletion.delete(this);
    }

    @Override
    public String toString() {
        return "temporary queue '" + name + "'";
    }
}
