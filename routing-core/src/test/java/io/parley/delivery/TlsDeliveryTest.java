package io.parley.delivery;

import static io.parley.delivery.SingleNodeHarness.await;
import static io.parley.delivery.SingleNodeHarness.awaitNoTransmissionRows;
import static io.parley.delivery.SingleNodeHarness.host;
import static io.parley.delivery.SingleNodeHarness.receive;
import static io.parley.delivery.SingleNodeHarness.text;
import static io.parley.delivery.SingleNodeHarness.transmissionRows;
import static io.parley.delivery.SingleNodeHarness.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.Broker;
import io.parley.Node;
import io.parley.NodeConfig;
import io.parley.dialog.BeginDialog;
import io.parley.dialog.ConversationHandle;
import io.parley.dialog.Dialogs;
import io.parley.store.Transaction;
import io.parley.transport.TestCertificates;
import io.parley.transport.TlsStores;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transport security between nodes (§6.1, R-SEC-1..4): TLS with mutual certificate authentication.
 * I1 hosts AW (service Client), I2 hosts T (service Tgt); each node's key store holds its own key and
 * its trust store the certificates it accepts. A node whose certificate is not trusted, or that does
 * not speak TLS, never gets a message through, and the sender's transmission_status says why.
 */
class TlsDeliveryTest {
    @TempDir
    static Path keys;
    @TempDir
    Path dir;

    private static TestCertificates certificates;
    private static Path i1Key;
    private static Path i2Key;
    private static Path trustingI2;
    private static Path trustingI1;
    private static Path trustingAStranger;
    private int port2;
    private Node i1;
    private Node i2;

    @BeforeAll
    static void makeCertificates() {
        certificates = new TestCertificates(keys);
        i1Key = certificates.keyStore("i1");
        i2Key = certificates.keyStore("i2");
        certificates.keyStore("stranger");
        trustingI2 = certificates.trustStore("trusting-i2", "i2");
        trustingI1 = certificates.trustStore("trusting-i1", "i1");
        trustingAStranger = certificates.trustStore("trusting-a-stranger", "stranger");
    }

    @BeforeEach
    void setUp() {
        port2 = FreePorts.pick();
    }

    @AfterEach
    void tearDown() {
        if (i1 != null) {
            i1.close();
        }
        if (i2 != null) {
            i2.close();
        }
    }

    @Test
    void nodesThatTrustEachOtherExchangeMessagesOverTls() {
        start(certificates.stores(i1Key, trustingI2),
                certificates.stores(i2Key, trustingI1));
        ConversationHandle h = begin("over TLS");
        assertThat(text(receive(i2.broker("T"), "TgtQ").get(0).body())).isEqualTo("over TLS");
        awaitNoTransmissionRows(i1.broker("AW"), h);
    }

    @Test
    void aNodeWhoseCertificateTheTargetDoesNotTrustIsRefused() {
        start(certificates.stores(i1Key, trustingI2),
                certificates.stores(i2Key, trustingAStranger));
        ConversationHandle h = begin("refused");
        String status = awaitFailure(h);
        assertThat(status).startsWith("Connection attempt failed with error: '").contains("TLS");
        assertThat(i2.broker("T").view("queue_messages").rows()).isEmpty();
    }

    @Test
    void aTargetWhoseCertificateTheSenderDoesNotTrustIsNotSentTo() {
        start(certificates.stores(i1Key, trustingAStranger),
                certificates.stores(i2Key, trustingI1));
        ConversationHandle h = begin("not sent");
        assertThat(awaitFailure(h)).contains("TLS failed");
        assertThat(i2.broker("T").view("queue_messages").rows()).isEmpty();
    }

    @Test
    void aNodeThatDoesNotSpeakTlsIsRefused() {
        start(null, certificates.stores(i2Key, trustingI1));
        ConversationHandle h = begin("in plain TCP");
        assertThat(awaitFailure(h)).startsWith("Connection attempt failed with error: '");
        assertThat(i2.broker("T").view("queue_messages").rows()).isEmpty();
    }

    /** Opens I1 and I2 with their TLS stores (null: plain TCP), hosting the services and routes, and listening. */
    private void start(TlsStores i1Tls, TlsStores i2Tls) {
        int port1 = FreePorts.pick();
        i1 = Node.open(config("i1", "AW", i1Tls));
        i2 = Node.open(config("i2", "T", i2Tls));
        i1.broker("AW").execute("CREATE QUEUE ClientQ; CREATE SERVICE Client ON QUEUE ClientQ ([DEFAULT]);"
                + "CREATE ROUTE ToTgt WITH SERVICE_NAME = 'Tgt', ADDRESS = '" + NetworkNodes.address(port2) + "';");
        host(i2.broker("T"), "Tgt");
        i2.broker("T").execute("CREATE ROUTE ToClient WITH SERVICE_NAME = 'Client', ADDRESS = '"
                + NetworkNodes.address(port1) + "';");
        NetworkNodes.listen(i1, port1);
        NetworkNodes.listen(i2, port2);
    }

    private NodeConfig config(String name, String broker, TlsStores tls) {
        NodeConfig config = NodeConfig.of(name, dir.resolve(name), broker).withRetry(NetworkNodes.RETRY);
        return tls == null ? config : config.withTls(tls);
    }

    private ConversationHandle begin(String body) {
        Broker aw = i1.broker("AW");
        Dialogs dialogs = aw.dialogs();
        try (Transaction tx = dialogs.begin()) {
            ConversationHandle h = dialogs.beginDialog(tx, BeginDialog.from("Client").to("Tgt"));
            dialogs.send(tx, h, utf8(body));
            tx.commit();
            return h;
        }
    }

    /** Waits until the message's row shows why its last attempt failed, and returns that status. */
    private String awaitFailure(ConversationHandle h) {
        Broker aw = i1.broker("AW");
        await("a failed attempt in the transmission_status of " + h, () -> {
            List<List<String>> rows = transmissionRows(aw, h);
            return !rows.isEmpty() && !rows.get(0).get(SingleNodeHarness.TQ_STATUS).isEmpty();
        });
        return transmissionRows(aw, h).get(0).get(SingleNodeHarness.TQ_STATUS);
    }
}
