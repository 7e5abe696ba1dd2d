package io.parley.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.Broker;
import io.parley.Node;
import io.parley.NodeConfig;
import io.parley.catalog.RouteAddress;
import io.parley.dialog.BeginDialog;
import io.parley.dialog.ConversationHandle;
import io.parley.dialog.DialogException;
import io.parley.dialog.Dialogs;
import io.parley.dialog.Receive;
import io.parley.dialog.ReceivedMessage;
import io.parley.dialog.Transmissions;
import io.parley.routing.RouteDecision;
import io.parley.routing.RoutingStatus;
import io.parley.store.Transaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The instance I1 of the semantics §9 scenarios as one Parley node: brokers AW (initiator service
 * {@code Client} on {@code ClientQ}) and DB2, plus msdb, delivering between them with a scaled-down
 * retry schedule. It also hosts {@code Probe} in DB2, the target of {@link #barrier()}, and offers
 * the observations the scenario tests make: the management views (column positions as in
 * {@code schema-3.sql} and {@code schema-4.sql}), RECEIVE, and the routing decision the
 * transmitter would take for a waiting row now. I1 has no broker endpoint, so nothing leaves it
 * over the network (R-PROTO-1): "sent to next hop h" is observed as a row that waits in AW's
 * transmission queue with the status "Transport layer is unavailable." while routing names h.
 * Scenarios with real next hops are in {@link TwoNodeScenariosTest} and {@link PeerScenariosTest}.
 */
final class SingleNodeHarness implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final RetrySchedule RETRY = new RetrySchedule(Duration.ofMillis(200), Duration.ofMillis(800));
    static final String NO_ROUTE_9793 = "The target service name could not be found. Ensure that the service name is"
            + " specified correctly and/or the routing information has been supplied.";
    static final String QUEUE_DISABLED = "Target queue is disabled.";

    // sys.transmission_queue
    static final int TQ_HANDLE = 0;
    static final int TQ_SEQUENCE = 6;
    static final int TQ_TYPE = 7;
    static final int TQ_IS_ERROR = 8;
    static final int TQ_STATUS = 11;
    // sys.conversation_endpoints
    static final int CE_HANDLE = 0;
    static final int CE_STATE_DESC = 8;
    // queue messages (SB.QUEUE_MESSAGES)
    static final int QM_QUEUE = 0;
    static final int QM_STATUS = 1;
    static final int QM_SEQUENCE = 6;
    static final int QM_BODY = 14;
    // sys.routes
    static final int RT_NAME = 0;
    static final int RT_LIFETIME = 5;

    final Node node;
    final Broker aw;
    final Broker db2;

    SingleNodeHarness(Path dir) {
        node = Node.open(NodeConfig.of("i1", dir, "AW", "DB2").withRetry(RETRY));
        aw = node.broker("AW");
        db2 = node.broker("DB2");
        aw.execute("CREATE QUEUE ClientQ; CREATE SERVICE Client ON QUEUE ClientQ;");
        host(db2, "Probe");
    }

    @Override
    public void close() {
        node.close();
    }

    /** Creates {@code service} on queue {@code <service>Q} in {@code broker}, accepting [DEFAULT]. */
    static void host(Broker broker, String service) {
        broker.execute("CREATE QUEUE [" + service + "Q]; CREATE SERVICE [" + service + "] ON QUEUE [" + service
                + "Q] ([DEFAULT]);");
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** BEGIN DIALOG from AW's Client and SEND each body, committed together. */
    ConversationHandle begin(BeginDialog request, byte[]... bodies) {
        Dialogs dialogs = aw.dialogs();
        try (Transaction tx = dialogs.begin()) {
            ConversationHandle h = dialogs.beginDialog(tx, request);
            for (byte[] body : bodies) {
                dialogs.send(tx, h, body);
            }
            tx.commit();
            return h;
        }
    }

    /** BEGIN DIALOG from AW's Client to {@code service}, without broker id, sending {@code bodies}. */
    ConversationHandle begin(String service, String... bodies) {
        return begin(BeginDialog.from("Client").to(service),
                Arrays.stream(bodies).map(SingleNodeHarness::utf8).toArray(byte[][]::new));
    }

    /** SEND each body on {@code h} in its own committed transaction. */
    static void send(Broker broker, ConversationHandle h, String... bodies) {
        Dialogs dialogs = broker.dialogs();
        for (String body : bodies) {
            try (Transaction tx = dialogs.begin()) {
                dialogs.send(tx, h, utf8(body));
                tx.commit();
            }
        }
    }

    static void end(Broker broker, ConversationHandle h) {
        try (Transaction tx = broker.dialogs().begin()) {
            broker.dialogs().end(tx, h);
            tx.commit();
        }
    }

    static void endWithError(Broker broker, ConversationHandle h, int code, String description) {
        try (Transaction tx = broker.dialogs().begin()) {
            broker.dialogs().endWithError(tx, h, code, description);
            tx.commit();
        }
    }

    /** SEND on {@code h} must be refused with Service Broker error {@code number}, storing nothing. */
    static void assertSendFails(Broker broker, ConversationHandle h, int number) {
        try (Transaction tx = broker.dialogs().begin()) {
            assertThatThrownBy(() -> broker.dialogs().send(tx, h, utf8("refused")))
                    .isInstanceOfSatisfying(DialogException.class, e -> assertThat(e.errorNumber()).isEqualTo(number));
        }
    }

    /** RECEIVE (committed), waiting up to {@link #PATIENCE} for a message: one group's ready messages. */
    static List<ReceivedMessage> receive(Broker broker, String queue) {
        return receive(broker, queue, PATIENCE);
    }

    /** RECEIVE (committed) without waiting. */
    static List<ReceivedMessage> receiveNow(Broker broker, String queue) {
        return receive(broker, queue, Duration.ZERO);
    }

    /** RECEIVE (committed), waiting up to {@code wait} for a message. */
    static List<ReceivedMessage> receive(Broker broker, String queue, Duration wait) {
        Dialogs dialogs = broker.dialogs();
        try (Transaction tx = dialogs.begin()) {
            List<ReceivedMessage> got = dialogs.receive(tx, Receive.from(queue).waitFor(wait));
            tx.commit();
            return got;
        }
    }

    static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** AW's or DB2's sys.transmission_queue rows of one side of a dialog, in sequence order. */
    static List<List<String>> transmissionRows(Broker broker, ConversationHandle h) {
        return broker.view("transmission_queue").rows().stream()
                .filter(r -> r.get(TQ_HANDLE).equals(h.toString()))
                .sorted(Comparator.comparingLong(r -> Long.parseLong(r.get(TQ_SEQUENCE))))
                .toList();
    }

    /** The rows of one service queue (SB.QUEUE_MESSAGES), whatever their status. */
    static List<List<String>> queueRows(Broker broker, String queue) {
        return broker.view("queue_messages").rows().stream().filter(r -> r.get(QM_QUEUE).equals(queue)).toList();
    }

    /** The sys.conversation_endpoints row of {@code h}, if it still exists. */
    static Optional<List<String>> endpointRow(Broker broker, ConversationHandle h) {
        return broker.view("conversation_endpoints").rows().stream()
                .filter(r -> r.get(CE_HANDLE).equals(h.toString())).findFirst();
    }

    static String stateOf(Broker broker, ConversationHandle h) {
        return endpointRow(broker, h).map(r -> r.get(CE_STATE_DESC)).orElse("(no endpoint)");
    }

    /** Polls {@code condition} until it holds, failing after {@link #PATIENCE}. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + PATIENCE + " for " + what).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /** Waits until every row of {@code h} in {@code broker}'s transmission queue is gone (acknowledged). */
    static void awaitNoTransmissionRows(Broker broker, ConversationHandle h) {
        await("no transmission-queue row of " + h + " in " + broker.name(), () -> transmissionRows(broker, h).isEmpty());
    }

    /** Waits until the oldest row of {@code h} in AW's transmission queue shows {@code status}. */
    void awaitStatus(ConversationHandle h, String status) {
        await("transmission_status '" + status + "' on " + h, () -> {
            List<List<String>> rows = transmissionRows(aw, h);
            return !rows.isEmpty() && rows.get(0).get(TQ_STATUS).equals(status);
        });
    }

    /**
     * Returns once the transmitter has attempted every row AW had queued before the call: it begins
     * a dialog to Probe (DB2, reached through AW's AutoCreatedLocal) and waits until that message is
     * acknowledged. The transmitter works through a transmission queue oldest row first in every
     * pass, so a row queued earlier has had its first attempt by then. This is how a test observes
     * that something did not happen without sleeping for it.
     */
    void barrier() {
        awaitNoTransmissionRows(aw, begin("Probe", "barrier"));
    }

    /**
     * As {@link #barrier()}, after waiting twice the retry cap, so that rows already waiting for a
     * retry have come due and been attempted again in the meantime (R-PROTO-14).
     */
    void barrierAfterRetries() {
        try {
            Thread.sleep(RETRY.cap().multipliedBy(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        barrier();
    }

    /** The LIFETIME column of AW's route {@code name} in sys.routes: UTC wall-clock time (R-ROUTE-5). */
    LocalDateTime routeLifetime(String name) {
        List<String> row = aw.view("routes").rows().stream().filter(r -> r.get(RT_NAME).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("sys.routes of AW lists no route " + name));
        return Timestamp.valueOf(row.get(RT_LIFETIME)).toLocalDateTime();
    }

    /** Waits until AW's route {@code name} has expired: its lifetime is earlier than the current UTC time. */
    void awaitExpired(String name) {
        await("route " + name + " to expire", () -> routeLifetime(name).isBefore(LocalDateTime.now(ZoneOffset.UTC)));
    }

    /** AW's waiting messages of dialog {@code h}, with what the endpoint knows now (far broker, step-3 pick). */
    List<Transmissions.Pending> pending(ConversationHandle h) {
        Transmissions transmissions = aw.dialogs().transmissions();
        return aw.store().inTransactionWith(tx -> transmissions.pending(tx, 10_000)).stream()
                .filter(p -> p.handle().equals(h)).toList();
    }

    /** Where the transmitter's next attempt would send each waiting message of {@code h} (R-ROUTE-39). */
    List<RouteDecision> decisions(ConversationHandle h) {
        Transmissions transmissions = aw.dialogs().transmissions();
        return pending(h).stream().map(transmissions::route).toList();
    }

    /** The next hop {@code tcp://host:4022}. */
    static RouteAddress.Tcp hop(String host) {
        return new RouteAddress.Tcp(host, 4022);
    }

    /**
     * Every row of {@code h} waits for the next hop {@code host} of {@code route}, which I1, without a
     * broker endpoint, cannot reach (R-PROTO-18).
     */
    void assertWaitsForNextHop(ConversationHandle h, String host, String route) {
        assertThat(transmissionRows(aw, h)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get(TQ_STATUS)).isEqualTo(TransmissionStatus.TRANSPORT_UNAVAILABLE));
        assertThat(decisions(h)).allSatisfy(d -> assertThat(d).isInstanceOfSatisfying(RouteDecision.SendToNextHop.class,
                s -> {
                    assertThat(s.address()).isEqualTo(hop(host));
                    assertThat(s.route().name()).isEqualTo(route);
                }));
    }

    /** DELAYED (R-ROUTE-18, decision §10-16): the row stays with the 9793 text and routing sends it nowhere. */
    void assertDelayedWith9793(ConversationHandle h) {
        assertThat(transmissionRows(aw, h)).singleElement()
                .satisfies(r -> assertThat(r.get(TQ_STATUS)).isEqualTo(NO_ROUTE_9793));
        assertThat(decisions(h)).singleElement().isInstanceOfSatisfying(RouteDecision.Delayed.class,
                d -> assertThat(d.status()).isEqualTo(RoutingStatus.NO_ROUTE));
    }
}
