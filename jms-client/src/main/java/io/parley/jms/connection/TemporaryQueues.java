package io.parley.jms.connection;

import io.parley.dialog.ConversationHandle;
import io.parley.dialog.DialogException;
import io.parley.jms.destination.TemporaryServiceDestination;
import io.parley.jms.session.BrokerLink;
import io.parley.jms.session.Errors;
import io.parley.store.Transaction;
import jakarta.jms.JMSException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The temporary queues of one connection. Each is a service {@code //parley/temporary/<uuid>} on its own queue,
 * created with DDL. Deleting one ends the dialogs that began at it (those its JMSReplyTo asked replies for), then
 * drops the service and the queue with the messages left in it.
 */
final class TemporaryQueues {
    private static final System.Logger LOG = System.getLogger(TemporaryQueues.class.getName());
    private static final String SERVICE_PREFIX = "//parley/temporary/";

    private static final class Live {
        private final TemporaryServiceDestination destination;
        private final String queue;
        private final List<ConversationHandle> dialogs = new ArrayList<>();
        private int consumers;

        private Live(TemporaryServiceDestination destination, String queue) {
            this.destination = destination;
            this.queue = queue;
        }
    }

    private final BrokerLink broker;
    private final Object connection;
    private final Map<String, Live> live = new HashMap<>();

    TemporaryQueues(BrokerLink broker, Object connection) {
        this.broker = broker;
        this.connection = connection;
    }

    TemporaryServiceDestination create() throws JMSException {
        String id = UUID.randomUUID().toString();
        String service = SERVICE_PREFIX + id;
        String queue = "ParleyTemporary_" + id.replace("-", "");
        try {
            broker.ensureService(service, queue);
        } catch (RuntimeException e) {
            throw Errors.jms(e);
        }
        TemporaryServiceDestination destination = new TemporaryServiceDestination(service, connection, this::delete);
        synchronized (this) {
            live.put(service, new Live(destination, queue));
        }
        return destination;
    }

    synchronized boolean isLive(TemporaryServiceDestination destination) {
        Live queue = live.get(destination.name());
        return queue != null && queue.destination == destination;
    }

    synchronized boolean adopt(String service, ConversationHandle dialog) {
        Live queue = live.get(service);
        if (queue == null) {
            return false;
        }
        queue.dialogs.add(dialog);
        return true;
    }

    synchronized void consumerOpened(TemporaryServiceDestination destination, boolean opened) {
        Live queue = live.get(destination.name());
        if (queue != null) {
            queue.consumers += opened ? 1 : -1;
        }
    }

    void delete(TemporaryServiceDestination destination) throws JMSException {
        Live queue;
        synchronized (this) {
            queue = live.get(destination.name());
            if (queue == null || queue.destination != destination) {
                return;
            }
            if (queue.consumers > 0) {
                throw new JMSException(destination + " still has " + queue.consumers + " consumer(s); close them"
                        + " before deleting it");
            }
            live.remove(destination.name());
        }
        drop(queue);
    }

    /** Deletes every temporary queue of the connection, which is closing. */
    void deleteAll() {
        List<Live> all;
        synchronized (this) {
            all = new ArrayList<>(live.values());
            live.clear();
        }
        for (Live queue : all) {
            try {
                drop(queue);
            } catch (JMSException | RuntimeException e) {
                LOG.log(Level.WARNING, "PRL-3002 could not drop " + queue.destination + " of a closing connection;"
                        + " drop service [" + queue.destination.name() + "] and queue [" + queue.queue + "] by hand",
                        e);
            }
        }
    }

    private void drop(Live queue) throws JMSException {
        try (Transaction tx = broker.dialogs().begin()) {
            for (ConversationHandle dialog : queue.dialogs) {
                try {
                    broker.dialogs().end(tx, dialog);
                } catch (DialogException e) {
                    LOG.log(Level.DEBUG, () -> "dialog " + dialog + " was already ended: " + e.getMessage());
                }
            }
            tx.commit();
            broker.execute("DROP SERVICE [" + queue.destination.name().replace("]", "]]") + "];\nDROP QUEUE ["
                    + queue.queue + "];");
        } catch (RuntimeException e) {
            throw Errors.jms(e);
        }
    }
}
