package io.parley.delivery;

import static io.parley.delivery.SingleNodeHarness.NO_ROUTE_9793;
import static io.parley.delivery.SingleNodeHarness.QM_BODY;
import static io.parley.delivery.SingleNodeHarness.QM_SEQUENCE;
import static io.parley.delivery.SingleNodeHarness.QM_STATUS;
import static io.parley.delivery.SingleNodeHarness.QUEUE_DISABLED;
import static io.parley.delivery.SingleNodeHarness.TQ_IS_ERROR;
import static io.parley.delivery.SingleNodeHarness.TQ_STATUS;
import static io.parley.delivery.SingleNodeHarness.TQ_TYPE;
import static io.parley.delivery.SingleNodeHarness.assertSendFails;
import static io.parley.delivery.SingleNodeHarness.await;
import static io.parley.delivery.SingleNodeHarness.awaitNoTransmissionRows;
import static io.parley.delivery.SingleNodeHarness.end;
import static io.parley.delivery.SingleNodeHarness.endWithError;
import static io.parley.delivery.SingleNodeHarness.endpointRow;
import static io.parley.delivery.SingleNodeHarness.hop;
import static io.parley.delivery.SingleNodeHarness.host;
import static io.parley.delivery.SingleNodeHarness.queueRows;
import static io.parley.delivery.SingleNodeHarness.receive;
import static io.parley.delivery.SingleNodeHarness.receiveNow;
import static io.parley.delivery.SingleNodeHarness.send;
import static io.parley.delivery.SingleNodeHarness.stateOf;
import static io.parley.delivery.SingleNodeHarness.text;
import static io.parley.delivery.SingleNodeHarness.transmissionRows;
import static io.parley.delivery.SingleNodeHarness.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.Broker;
import io.parley.catalog.SystemObjects;
import io.parley.dialog.BeginDialog;
import io.parley.dialog.ConversationHandle;
import io.parley.dialog.ReceivedMessage;
import io.parley.dialog.Transmissions;
import io.parley.routing.RouteDecision;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The scenario tests of semantics §9 that run inside one node: instance I1 is a Parley node with
 * brokers AW and DB2 ({@link SingleNodeHarness}). Covered: T-1 and T-2 (dialogs begun in AW),
 * T-4, T-13, T-16, the single-node forms of T-22 and T-23 (DB2 plays I2's part; a disabled queue
 * in DB2 plays an unreachable I2), and R-CONV-20.
 *
 * <p>I1 has no broker endpoint here, so a message that §9 says "peer h receives" is asserted as a
 * row that waits in AW's transmission queue with the status "Transport layer is unavailable."
 * (R-PROTO-18) while the routing of its next attempt names h; "DB2 receives nothing" is asserted
 * after a {@link SingleNodeHarness#barrier() barrier}. The parts where a peer on the network sends,
 * acks, replays or refuses (T-1's incoming messages, acks in T-4 and T-13, T-23's injected message)
 * are in {@link PeerScenariosTest} and {@link TwoNodeScenariosTest}.
 */
class SingleNodeScenariosTest {
    private static final UUID G1 = UUID.fromString("11111111-1111-4111-8111-111111111111");
    private static final UUID G3 = UUID.fromString("33333333-3333-4333-8333-333333333333");
    private static final UUID G9 = UUID.fromString("99999999-9999-4999-8999-999999999999");
    private static final String ERROR_PREFIX =
            "<?xml version=\"1.0\"?><Error xmlns=\"http://schemas.microsoft.com/SQL/ServiceBroker/Error\">";
    private static final String BAD_ORDER_ERROR = ERROR_PREFIX + "<Code>42</Code><Description>bad order</Description></Error>";
    private static final Duration SHORT_LIFETIME = Duration.ofSeconds(2);
    /**
     * How long after a lifetime has passed its Error -8489 may take to arrive: generous for a watcher
     * that sleeps until the earliest deadline, yet short enough that an endpoint whose deadline the
     * watcher never heard of (it would notice only at its periodic recheck) shows.
     */
    private static final Duration LIFETIME_SLACK = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private SingleNodeHarness i1;
    private Broker aw;
    private Broker db2;

    @BeforeEach
    void openI1() {
        i1 = new SingleNodeHarness(dir);
        aw = i1.aw;
        db2 = i1.db2;
    }

    @AfterEach
    void closeI1() {
        i1.close();
    }

    // ---- T-1 Default routing ----

    /**
     * T-1: AW and msdb hold only AutoCreatedLocal. Parley hands a message for another broker of the
     * node to its transmitter after commit (docs/dialogs.md, not R-CONV-23's direct insert), so the
     * row is gone once DB2 has acknowledged it (R-PROTO-13) rather than right at commit.
     */
    @Test
    void t1_localDialogToAnotherBrokerIsDeliveredOnceAndLeavesNoTransmissionRow() {
        host(db2, "Svc");
        ConversationHandle h = i1.begin(BeginDialog.from("Client").to("Svc"), new byte[] {1});
        awaitNoTransmissionRows(aw, h);
        assertThat(queueRows(db2, "SvcQ")).singleElement().satisfies(r -> {
            assertThat(r.get(QM_STATUS)).isEqualTo("1");
            assertThat(r.get(QM_SEQUENCE)).isEqualTo("0");
            assertThat(r.get(QM_BODY)).isEqualTo("0x01");
        });
        assertThat(receiveNow(db2, "SvcQ")).singleElement().satisfies(m -> {
            assertThat(m.messageSequenceNumber()).isZero();
            assertThat(m.body()).containsExactly(1);
        });
    }

    /**
     * T-1, decision §10-4: a dialog to a service that exists nowhere on I1 is DELAYED with the 9793
     * text — not dropped, and not an error (R-CONV-7) — and, routed afresh at every retry
     * (R-ROUTE-39, R-PROTO-19), is delivered once the service exists, once.
     */
    @Test
    void t1_dialogToAServiceThatExistsNowhereIsDelayedWith9793UntilItIsCreated() {
        ConversationHandle h = i1.begin("Nope", "waited");
        i1.awaitStatus(h, NO_ROUTE_9793);
        assertThat(stateOf(aw, h)).isEqualTo("CONVERSING");
        assertThat(receiveNow(aw, "ClientQ")).isEmpty();

        host(db2, "Nope");
        awaitNoTransmissionRows(aw, h);
        assertThat(receiveNow(db2, "NopeQ")).singleElement()
                .satisfies(m -> assertThat(text(m.body())).isEqualTo("waited"));
    }

    // ---- T-2 Specific network route ----

    /** T-2, R-ROUTE-22: AW's route naming OrderParts (step 2) beats AutoCreatedLocal although DB2 hosts it. */
    @Test
    void t2_specificTcpRouteBeatsTheLocalServiceOfTheSameName() {
        givenOrderPartsRouteAndServiceInDb2();
        ConversationHandle h = i1.begin("OrderParts", "order");
        i1.barrier();
        assertThat(queueRows(db2, "OrderPartsQ")).isEmpty();
        i1.assertWaitsForNextHop(h, "host2", "OrderPartsRoute");
    }

    /** T-2, R-OBJ-1: names compare byte-exactly, so 'orderparts' matches neither the route nor the service. */
    @Test
    void t2_caseDifferentNameIsDelayedWith9793() {
        givenOrderPartsRouteAndServiceInDb2();
        ConversationHandle h = i1.begin("orderparts", "order");
        i1.barrier();
        i1.assertDelayedWith9793(h);
        assertThat(queueRows(db2, "OrderPartsQ")).isEmpty();
    }

    /** T-2: 'Other' exists nowhere: DELAYED 9793, then delivered once at a retry after CREATE SERVICE. */
    @Test
    void t2_serviceThatExistsNowhereIsDelayedThenDeliveredOnceCreated() {
        givenOrderPartsRouteAndServiceInDb2();
        ConversationHandle h = i1.begin("Other", "later");
        i1.barrier();
        i1.assertDelayedWith9793(h);

        host(db2, "Other");
        awaitNoTransmissionRows(aw, h);
        assertThat(receiveNow(db2, "OtherQ")).extracting(m -> text(m.body())).containsExactly("later");
        assertThat(queueRows(db2, "OrderPartsQ")).isEmpty();
    }

    private void givenOrderPartsRouteAndServiceInDb2() {
        host(db2, "OrderParts");
        aw.execute("CREATE ROUTE OrderPartsRoute WITH SERVICE_NAME = 'OrderParts', ADDRESS = 'tcp://host2:4022';");
    }

    // ---- T-4 Catch-all external route ----

    /**
     * T-4, R-ROUTE-20: AutoCreatedLocal and the catch-all ExternalRoute both match at step 5; LOCAL
     * wins where a broker of the node hosts the service, TCP everywhere else.
     */
    @Test
    void t4_catchAllTcpRouteCarriesOnlyWhatNoBrokerOfTheNodeHosts() {
        host(db2, "Svc");
        aw.execute("CREATE ROUTE ExternalRoute WITH ADDRESS = 'tcp://forwarding:4022';");
        ConversationHandle far = i1.begin("Far", "far");
        ConversationHandle svc = i1.begin("Svc", "svc");
        awaitNoTransmissionRows(aw, svc);
        assertThat(receiveNow(db2, "SvcQ")).extracting(m -> text(m.body())).containsExactly("svc");
        // Far's row is older than Svc's, so it was attempted before Svc's was delivered (see barrier()).
        i1.assertWaitsForNextHop(far, "forwarding", "ExternalRoute");
    }

    // ---- T-13 Expired route ----

    /** T-13, R-ROUTE-5: an expired route takes no part in matching but stays listed until dropped. */
    @Test
    void t13_expiredRouteDelaysWith9793UntilAlterRouteRenewsIt() {
        aw.execute("CREATE ROUTE R WITH SERVICE_NAME = 'Svc', LIFETIME = 1, ADDRESS = 'tcp://x:4022';");
        i1.awaitExpired("R");
        ConversationHandle h = i1.begin("Svc", "m0");
        i1.barrier();
        i1.assertDelayedWith9793(h);
        assertThat(i1.routeLifetime("R")).isBefore(LocalDateTime.now(ZoneOffset.UTC));

        // A new LIFETIME counts from the ALTER; the next attempt routes afresh (R-ROUTE-39).
        aw.execute("ALTER ROUTE R WITH LIFETIME = 3600;");
        i1.awaitStatus(h, TransmissionStatus.TRANSPORT_UNAVAILABLE);
        i1.assertWaitsForNextHop(h, "x", "R");
    }

    /**
     * T-13's mid-dialog variant without an ack (I1 does not listen): message 0 waits for x; once R expires
     * (LIFETIME = 0 expires it at once), its next attempt and the dialog's next SEND are DELAYED with
     * the 9793 text: nothing about the route is cached for the dialog (R-ROUTE-39, decision §10-15).
     */
    @Test
    void t13_routeExpiringMidDialogDelaysTheDialogsNextAttempts() {
        aw.execute("CREATE ROUTE R WITH SERVICE_NAME = 'Svc', ADDRESS = 'tcp://x:4022';");
        ConversationHandle h = i1.begin("Svc", "m0");
        i1.barrier();
        i1.assertWaitsForNextHop(h, "x", "R");

        aw.execute("ALTER ROUTE R WITH LIFETIME = 0;");
        send(aw, h, "m1");
        await("both messages of the dialog to show the 9793 text", () -> {
            List<List<String>> rows = transmissionRows(aw, h);
            return rows.size() == 2 && rows.stream().allMatch(r -> NO_ROUTE_9793.equals(r.get(TQ_STATUS)));
        });
        assertThat(i1.decisions(h)).hasSize(2).allSatisfy(d -> assertThat(d).isInstanceOf(RouteDecision.Delayed.class));
    }

    // ---- T-16 Route matching order; DB2 (G2) also hosts Svc ----

    private void givenRoutesR1R2R3(String r2Lifetime) {
        host(db2, "Svc");
        aw.execute("""
                CREATE ROUTE R1 WITH SERVICE_NAME = 'Svc', BROKER_INSTANCE = '%s', ADDRESS = 'tcp://h1:4022';
                CREATE ROUTE R2 WITH SERVICE_NAME = 'Svc', %s ADDRESS = 'tcp://h2:4022';
                CREATE ROUTE R3 WITH SERVICE_NAME = 'Svc', BROKER_INSTANCE = '%s', ADDRESS = 'tcp://h3:4022';
                """.formatted(G1, r2Lifetime, G3));
    }

    /** T-16, R-ROUTE-12/13: step 1 (service and broker id), else step 2 (service only), before AutoCreatedLocal. */
    @Test
    void t16_step1ThenStep2BeatAutoCreatedLocalForALocalService() {
        givenRoutesR1R2R3("");
        ConversationHandle toG1 = i1.begin(BeginDialog.from("Client").to("Svc").toBroker(G1), utf8("G1"));
        ConversationHandle noId = i1.begin("Svc", "no id");
        ConversationHandle toG9 = i1.begin(BeginDialog.from("Client").to("Svc").toBroker(G9), utf8("G9"));
        i1.barrier();
        assertThat(queueRows(db2, "SvcQ")).isEmpty();
        i1.assertWaitsForNextHop(toG1, "h1", "R1");
        i1.assertWaitsForNextHop(noId, "h2", "R2");
        i1.assertWaitsForNextHop(toG9, "h2", "R2");
    }

    /**
     * T-16 after DROP ROUTE R2, R-ROUTE-14: step 3 picks G1 or G3 once per dialog and every message
     * and every retry of the dialog follows that pick; AutoCreatedLocal (step 5) never gets a turn.
     * Several dialogs of three messages make an unsticky pick show.
     */
    @Test
    void t16_step3PicksOneBrokerIdPerDialogAndBeatsAutoCreatedLocal() {
        givenRoutesR1R2R3("");
        aw.execute("DROP ROUTE R2;");
        List<ConversationHandle> dialogs = IntStream.range(0, 4).mapToObj(i -> i1.begin("Svc", "m0")).toList();
        for (ConversationHandle h : dialogs) {
            send(aw, h, "m1", "m2");
        }
        i1.barrierAfterRetries();
        assertThat(queueRows(db2, "SvcQ")).isEmpty();
        for (ConversationHandle h : dialogs) {
            List<Transmissions.Pending> rows = i1.pending(h);
            assertThat(rows).hasSize(3);
            UUID pick = rows.get(0).brokerPick();
            assertThat(pick).isIn(G1, G3);
            Set<Object> hops = new HashSet<>();
            for (int attempt = 0; attempt < 5; attempt++) {
                i1.decisions(h).forEach(d -> hops.add(d instanceof RouteDecision.SendToNextHop s ? s.address() : d));
            }
            assertThat(hops).as("next hops of dialog " + h).containsExactly(hop(pick.equals(G1) ? "h1" : "h3"));
        }
    }

    /** T-16 after also dropping R1 and R3: only step 5 is left, and AutoCreatedLocal finds Svc in DB2. */
    @Test
    void t16_step5AutoCreatedLocalDeliversToDb2() {
        givenRoutesR1R2R3("");
        aw.execute("DROP ROUTE R2; DROP ROUTE R1; DROP ROUTE R3;");
        ConversationHandle h = i1.begin("Svc", "step 5");
        awaitNoTransmissionRows(aw, h);
        assertThat(receiveNow(db2, "SvcQ")).extracting(m -> text(m.body())).containsExactly("step 5");
    }

    /**
     * T-16 after also dropping AutoCreatedLocal, R-ROUTE-17: with DB2's broker id the implicit LOCAL
     * route of step 6 delivers to DB2; without a broker id nothing matches (step 7): DELAYED 9793.
     */
    @Test
    void t16_withoutAnyRouteOnlyADialogNamingDb2sBrokerIdIsDelivered() {
        givenRoutesR1R2R3("");
        aw.execute("DROP ROUTE R2; DROP ROUTE R1; DROP ROUTE R3; DROP ROUTE AutoCreatedLocal;");
        ConversationHandle withoutId = i1.begin("Svc", "without id");
        ConversationHandle withId = i1.begin(BeginDialog.from("Client").to("Svc").toBroker(db2.brokerInstanceId()),
                utf8("with id"));
        awaitNoTransmissionRows(aw, withId);
        assertThat(receiveNow(db2, "SvcQ")).extracting(m -> text(m.body())).containsExactly("with id");
        i1.assertDelayedWith9793(withoutId);
    }

    /** T-16's expiry part: an expired R2 is ignored, so step 3 applies and h2 is never chosen. */
    @Test
    void t16_expiredServiceRouteIsIgnoredSoStep3Applies() {
        givenRoutesR1R2R3("LIFETIME = 1,");
        i1.awaitExpired("R2");
        ConversationHandle h = i1.begin("Svc", "m0");
        i1.barrier();
        assertThat(queueRows(db2, "SvcQ")).isEmpty();
        assertThat(i1.decisions(h)).singleElement().isInstanceOfSatisfying(RouteDecision.SendToNextHop.class,
                d -> assertThat(d.address()).isIn(hop("h1"), hop("h3")));
    }

    // ---- T-22 END WITH ERROR; DB2's disabled queue holds AW's messages as I2's stopped endpoint would ----

    /**
     * T-22, R-CONV-19: END WITH ERROR drops the dialog's unsent messages and sends only the Error
     * (body per R-ERR-4); the target goes to ER (R-ERR-6), the initiator to DO until the Error is
     * acknowledged, then closes (Parley deletes a closed initiator endpoint); the target's END then
     * sends nothing, the peer having errored the dialog (R-CONV-20).
     */
    @Test
    void t22_endWithErrorDropsPendingMessagesAndDeliversOnlyTheError() {
        host(db2, "Svc");
        ConversationHandle h = i1.begin("Svc", "m0");
        ConversationHandle target = receive(db2, "SvcQ").get(0).conversationHandle();
        awaitNoTransmissionRows(aw, h);
        db2.execute("ALTER QUEUE SvcQ WITH STATUS = OFF;");
        send(aw, h, "m1", "m2", "m3");
        i1.awaitStatus(h, QUEUE_DISABLED);
        assertThat(transmissionRows(aw, h)).hasSize(3);

        endWithError(aw, h, 42, "bad order");
        assertThat(transmissionRows(aw, h)).singleElement().satisfies(r -> {
            assertThat(r.get(TQ_TYPE)).isEqualTo(SystemObjects.ERROR);
            assertThat(r.get(TQ_IS_ERROR)).isEqualTo("1");
        });
        assertThat(stateOf(aw, h)).isEqualTo("DISCONNECTED_OUTBOUND");
        assertSendFails(aw, h, 8429);

        db2.execute("ALTER QUEUE SvcQ WITH STATUS = ON;");
        assertThat(receive(db2, "SvcQ"))
                .as(() -> "what DB2 receives once its queue is enabled again; AW holds " + transmissionRows(aw, h))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.conversationHandle()).isEqualTo(target);
                    assertThat(m.messageTypeName()).isEqualTo(SystemObjects.ERROR);
                    assertThat(text(m.body())).isEqualTo(BAD_ORDER_ERROR);
                });
        assertThat(stateOf(db2, target)).isEqualTo("ERROR");
        assertSendFails(db2, target, 8429);
        awaitNoTransmissionRows(aw, h);
        assertThat(endpointRow(aw, h)).isEmpty();
        i1.barrier();
        assertThat(queueRows(db2, "SvcQ")).as("none of m1-m3").isEmpty();

        end(db2, target);
        assertThat(transmissionRows(db2, target)).isEmpty();
        assertThat(stateOf(db2, target)).isEqualTo("CLOSED");
        assertThat(receiveNow(aw, "ClientQ")).isEmpty();
    }

    /** T-22's variant, R-CONV-30: an Error is received before the dialog's earlier, unreceived user message. */
    @Test
    void t22_errorIsReceivedBeforeAUserMessageTheTargetHasNotReceived() {
        host(db2, "Svc");
        ConversationHandle h = i1.begin("Svc", "m0");
        awaitNoTransmissionRows(aw, h);
        endWithError(aw, h, 42, "bad order");
        awaitNoTransmissionRows(aw, h);
        List<ReceivedMessage> got = receiveNow(db2, "SvcQ");
        assertThat(got).extracting(ReceivedMessage::messageTypeName).containsExactly(SystemObjects.ERROR, SystemObjects.DEFAULT);
        assertThat(got).extracting(m -> text(m.body())).containsExactly(BAD_ORDER_ERROR, "m0");
    }

    // ---- T-23 Lifetime expiry ----

    /** T-23, R-CONV-12: each side's own broker errors its endpoint with -8489 when the lifetime passes. */
    @Test
    void t23_lifetimeExpiryErrorsBothSidesWith8489AndSendFailsWith8429() {
        host(db2, "Svc");
        ConversationHandle h = i1.begin(BeginDialog.from("Client").to("Svc").lifetime(SHORT_LIFETIME), utf8("m0"));
        List<ReceivedMessage> first = receive(db2, "SvcQ");
        assertThat(first).as("message 0, delivered within the lifetime").extracting(m -> text(m.body()))
                .containsExactly("m0");
        ConversationHandle target = first.get(0).conversationHandle();

        assertLifetimeError("AW's ClientQ", receive(aw, "ClientQ", LIFETIME_SLACK.plus(SHORT_LIFETIME)), h);
        assertLifetimeError("DB2's SvcQ", receive(db2, "SvcQ", LIFETIME_SLACK), target);
        assertThat(stateOf(aw, h)).isEqualTo("ERROR");
        assertThat(stateOf(db2, target)).isEqualTo("ERROR");
        assertSendFails(aw, h, 8429);
        assertSendFails(db2, target, 8429);
    }

    /**
     * T-23's variant, R-PROTO-14 and R-ERR-8: DB2 does not accept the message (its queue is OFF) for
     * the whole lifetime. After -8489 the row stays but is not transmitted, even once DB2 would
     * accept it; END deletes it and sends nothing (decision §10-22).
     */
    @Test
    void t23_expiredDialogsRowIsNotRetransmittedAndEndDeletesIt() {
        host(db2, "Svc");
        db2.execute("ALTER QUEUE SvcQ WITH STATUS = OFF;");
        ConversationHandle h = i1.begin(BeginDialog.from("Client").to("Svc").lifetime(SHORT_LIFETIME), utf8("m0"));
        i1.awaitStatus(h, QUEUE_DISABLED);
        assertLifetimeError("AW's ClientQ", receive(aw, "ClientQ"), h);

        db2.execute("ALTER QUEUE SvcQ WITH STATUS = ON;");
        i1.barrierAfterRetries();
        assertThat(transmissionRows(aw, h)).hasSize(1);
        assertThat(queueRows(db2, "SvcQ")).isEmpty();

        end(aw, h);
        assertThat(transmissionRows(aw, h)).isEmpty();
        assertThat(endpointRow(aw, h)).isEmpty();
        i1.barrier();
        assertThat(queueRows(db2, "SvcQ")).isEmpty();
    }

    // ---- R-CONV-20 ----

    /** How DB2 ends the dialog in the R-CONV-20 test: what AW receives, its state, and its rows' status text. */
    enum PeerEnd {
        PLAIN(SystemObjects.END_DIALOG, "DISCONNECTED_INBOUND", "END CONVERSATION message"),
        WITH_ERROR(SystemObjects.ERROR, "ERROR", "error message");

        final String received;
        final String awState;
        final String statusMentions;

        PeerEnd(String received, String awState, String statusMentions) {
            this.received = received;
            this.awState = awState;
            this.statusMentions = statusMentions;
        }
    }

    /**
     * R-CONV-20: AW's m1 and m2 are still waiting (DB2's queue is OFF) when DB2 ends the dialog. The
     * EndDialog or Error reaches AW; AW's rows stay, marked with the 9779 or 9784 text, and are never
     * delivered — and no Error is made of it — until AW's END deletes them and sends nothing.
     */
    @ParameterizedTest
    @EnumSource(PeerEnd.class)
    void r_conv_20_messagesPendingWhenThePeerEndsAreHeldUntilEndAndNeverDelivered(PeerEnd peerEnd) {
        host(db2, "Svc");
        ConversationHandle h = i1.begin("Svc", "m0");
        ConversationHandle target = receive(db2, "SvcQ").get(0).conversationHandle();
        db2.execute("ALTER QUEUE SvcQ WITH STATUS = OFF;");
        send(aw, h, "m1", "m2");
        i1.awaitStatus(h, QUEUE_DISABLED);

        if (peerEnd == PeerEnd.PLAIN) {
            end(db2, target);
        } else {
            endWithError(db2, target, 7, "cancelled");
        }
        assertThat(receive(aw, "ClientQ")).extracting(ReceivedMessage::messageTypeName).containsExactly(peerEnd.received);
        assertThat(stateOf(aw, h)).isEqualTo(peerEnd.awState);
        i1.barrierAfterRetries();
        assertThat(transmissionRows(aw, h)).as("AW's rows of m1 and m2").hasSize(2).extracting(r -> r.get(TQ_STATUS))
                .allSatisfy(status -> assertThat(status).contains(peerEnd.statusMentions)
                        .contains("held until the application ends the conversation"));

        db2.execute("ALTER QUEUE SvcQ WITH STATUS = ON;");
        i1.barrierAfterRetries();
        assertThat(transmissionRows(aw, h)).hasSize(2);
        assertThat(queueRows(db2, "SvcQ")).isEmpty();
        assertThat(receiveNow(aw, "ClientQ")).isEmpty();

        end(aw, h);
        assertThat(transmissionRows(aw, h)).isEmpty();
        assertThat(endpointRow(aw, h)).isEmpty();
        i1.barrier();
        assertThat(queueRows(db2, "SvcQ")).isEmpty();
    }

    // ---- assertions ----

    private static void assertLifetimeError(String queue, List<ReceivedMessage> received, ConversationHandle h) {
        assertThat(received).as("the Error -8489 on " + queue).singleElement().satisfies(m -> {
            assertThat(m.conversationHandle()).isEqualTo(h);
            assertThat(m.messageTypeName()).isEqualTo(SystemObjects.ERROR);
            assertThat(text(m.body())).startsWith(ERROR_PREFIX + "<Code>-8489</Code><Description>");
        });
    }
}
