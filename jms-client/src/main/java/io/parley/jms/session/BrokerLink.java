package io.parley.jms.session;

import io.parley.Broker;
import io.parley.Node;
import io.parley.catalog.Catalog;
import io.parley.catalog.Route;
import io.parley.catalog.Service;
import io.parley.dialog.Dialogs;
import io.parley.jms.destination.ServiceDestination;
import jakarta.jms.InvalidDestinationException;
import io.parley.store.Transaction;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One broker of an open node as the provider uses it: its dialogs, its catalog, the DDL it runs for client services
 * and temporary queues, and the group claims of every session on it in this process. Connections on the same broker
 * of the same node share one link, which is what makes group claims work across connections.
 */
public final class BrokerLink {
    private final Node node;
    private final Broker broker;
    private final GroupClaims claims = new GroupClaims();
    private final Set<String> uncommittedSends = ConcurrentHashMap.newKeySet();

    public BrokerLink(Node node, Broker broker) {
        this.node = node;
        this.broker = broker;
    }

    public String name() {
        return broker.name();
    }

    public Dialogs dialogs() {
        return broker.dialogs();
    }

    Catalog catalog() {
        return broker.catalog();
    }

    GroupClaims claims() {
        return claims;
    }

    /**
     * Remembers that a message with JMSMessageID {@code messageId} is being sent in {@code tx}, until it ends. A reader
     * that sees such a message without waiting for locks passes it over: taking it would wait for the sender's
     * transaction, holding the row, to end. Call it before the SEND: completion callbacks run in the order they were
     * registered, so the mark is gone before the SEND's commit wakes the readers, and a woken reader takes the message
     * rather than passing it over and waiting for a change that has already happened.
     */
    void sentIn(Transaction tx, String messageId) {
        if (messageId != null && uncommittedSends.add(messageId)) {
            tx.onCompletion(committed -> uncommittedSends.remove(messageId));
        }
    }

    /** Whether the message with this JMSMessageID was sent in a transaction that has not ended. */
    boolean isUncommitted(String messageId) {
        return messageId != null && uncommittedSends.contains(messageId);
    }

    /** A new JDBC connection to the broker's own database (auto-commit off); the caller closes it. */
    public java.sql.Connection openDatabaseConnection() {
        return broker.store().openApplicationConnection();
    }

    /**
     * Where a session bound to the application's JDBC connection {@code application} gets its transactions: each is
     * the connection's current transaction, so the application's SQL commits with the session.
     *
     * @throws io.parley.store.StoreException when the connection is not to this broker's database or auto-commits
     */
    public TransactionSource sharing(java.sql.Connection application) {
        return broker.store().transactionsOn(application)::get;
    }

    /** The clause that makes a query read without waiting for other transactions' row locks. */
    String dirtyRead() {
        return broker.store().config().dialect().dirtyReadClause();
    }

    /** Runs a DDL script, one at a time for the whole broker, so two connections creating one service do not race. */
    public synchronized void execute(String ddl) {
        broker.execute(ddl);
    }

    /** Creates the service and its queue unless the service exists; the service accepts the DEFAULT contract. */
    public synchronized void ensureService(String service, String queue) {
        if (broker.catalog().service(service).isEmpty()) {
            broker.execute((broker.catalog().queue(queue).isPresent() ? "" : "CREATE QUEUE " + bracket(queue) + ";\n")
                    + "CREATE SERVICE " + bracket(service) + " ON QUEUE " + bracket(queue) + " ([DEFAULT]);");
        }
    }

    /** The service of this broker called {@code name}, if any. */
    Optional<Service> localService(String name) {
        return broker.catalog().service(name);
    }

    /**
     * The queue a consumer of {@code destination} reads: the queue of the service in this broker.
     *
     * @throws InvalidDestinationException when this broker has no such service
     */
    String queueOf(ServiceDestination destination) throws InvalidDestinationException {
        return localService(destination.name()).map(Service::queueName).orElseThrow(() ->
                new InvalidDestinationException("there is no service '" + destination.name() + "' in broker '"
                        + name() + "' to consume from; create it with CREATE SERVICE", destination.name()));
    }

    /**
     * Checks that messages for {@code destination} have somewhere to go: a service of this broker or of another broker
     * of the node, or a route of this broker naming the service.
     *
     * @throws InvalidDestinationException naming the service when none does
     */
    void requireReachable(ServiceDestination destination) throws InvalidDestinationException {
        String service = destination.name();
        if (localService(service).isPresent()) {
            return;
        }
        for (Broker other : node.brokers()) {
            if (other.catalog().service(service).isPresent()) {
                return;
            }
        }
        for (Route route : broker.catalog().routes()) {
            if (service.equals(route.serviceName())) {
                return;
            }
        }
        throw new InvalidDestinationException("there is no service '" + service + "' in node '" + node.config().name()
                + "' and no route of broker '" + name() + "' names it", service);
    }

    /** A name in brackets for DDL, whatever characters it holds. */
    static String bracket(String name) {
        return "[" + name.replace("]", "]]") + "]";
    }
}
