package io.parley.dialog;

import io.parley.catalog.Catalog;
import io.parley.catalog.MessageType;
import io.parley.catalog.Service;
import io.parley.catalog.SystemObjects;
import io.parley.store.Transaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Errors the broker puts on a dialog of its own (R-ERR-6): an Error message with the code and
 * description (R-ERR-4) on the endpoint's queue, received before the dialog's other messages
 * (R-CONV-30), and the endpoint in state ER. Such errors are unsequenced (R-PROTO-6), so the row
 * carries sequence number −1.
 */
final class BrokerErrors {
    private final EndpointTable endpoints;
    private final QueueTable queues;
    private final QueueSignals signals;

    BrokerErrors(EndpointTable endpoints, QueueTable queues, QueueSignals signals) {
        this.endpoints = endpoints;
        this.queues = queues;
        this.signals = signals;
    }

    void raise(Transaction tx, Catalog catalog, Endpoint endpoint, int code, String description, Instant now)
            throws SQLException {
        Connection c = tx.connection();
        Service service = catalog.service(endpoint.serviceName()).orElseThrow(() -> new IllegalStateException(
                "service '" + endpoint.serviceName() + "' of conversation " + endpoint.handle() + " is gone"));
        MessageType error = catalog.messageType(SystemObjects.ERROR).orElseThrow();
        queues.insert(tx, new QueueTable.Row(queues.queueId(c, service.queueName()), QueueTable.READY, endpoint.priority(),
                endpoint.group(), endpoint.handle(), -1, service.name(), endpoint.contractName(), error.name(),
                error.validation(), ErrorBody.of(code, description)), now);
        Endpoint current = endpoints.find(c, endpoint.handle()).orElse(endpoint);
        endpoints.update(c, current.withState(ConversationState.ERROR));
        String queue = service.queueName();
        tx.onCompletion(committed -> {
            if (committed) {
                signals.signal(queue);
            }
        });
    }
}
