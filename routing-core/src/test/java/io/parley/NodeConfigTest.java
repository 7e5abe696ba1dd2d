package io.parley;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.transport.TestCertificates;
import io.parley.transport.TlsSecurity;
import io.parley.transport.TransportSecurity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigTest {
    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("node.properties"), text);
    }

    @Test
    void readsBrokersAndResolvesPathsAgainstTheFile() throws Exception {
        NodeConfig config = NodeConfig.load(write("""
                node.name = orders-node
                node.data-dir = data
                node.brokers = Orders, Billing
                broker.Billing.store = /srv/billing
                """));
        assertThat(config.name()).isEqualTo("orders-node");
        assertThat(config.dataDir()).isEqualTo(dir.resolve("data"));
        assertThat(config.nodeStore()).isEqualTo(dir.resolve("data/msdb"));
        assertThat(config.brokerStores()).containsExactly(
                Map.entry("Orders", dir.resolve("data/Orders")),
                Map.entry("Billing", Path.of("/srv/billing")));
    }

    @Test
    void everyProblemIsReportedAtOnceNamingTheKey() throws Exception {
        Path file = write("""
                node.data-dir = data
                node.brokers = Orders, msdb, Orders
                node.listen = 4022
                broker.Nope.store = x
                """);
        assertThatThrownBy(() -> NodeConfig.load(file))
                .isInstanceOf(InvalidConfigException.class)
                .satisfies(e -> assertThat(((InvalidConfigException) e).problems()).containsExactly(
                        "broker 'Orders' is listed twice in node.brokers",
                        "broker.Nope.store names broker 'Nope', which node.brokers does not list",
                        "invalid broker name 'msdb' in node.brokers: use letters, digits, '_', '.', '-', starting with a letter; 'msdb' is the node's own store",
                        "unknown key 'node.listen'; known keys: node.name, node.data-dir, node.brokers, broker.<name>.store,"
                                + " transport.tls.key-store, transport.tls.key-store-password, transport.tls.trust-store,"
                                + " transport.tls.trust-store-password"))
                .hasMessageStartingWith(file.toString());
    }

    @Test
    void tlsBetweenNodesIsReadFromItsFourKeysWithPathsRelativeToTheFile() throws Exception {
        TestCertificates certificates = new TestCertificates(dir);
        certificates.keyStore("n1");
        certificates.trustStore("peers", "n1");
        NodeConfig config = NodeConfig.load(write("""
                node.data-dir = data
                transport.tls.key-store = n1-key.p12
                transport.tls.key-store-password = %s
                transport.tls.trust-store = peers-trust.p12
                transport.tls.trust-store-password = %s
                """.formatted(TestCertificates.PASSWORD, TestCertificates.PASSWORD)));
        assertThat(config.tls().keyStore()).isEqualTo(dir.resolve("n1-key.p12"));
        assertThat(config.tls().trustStore()).isEqualTo(dir.resolve("peers-trust.p12"));
        assertThat(config.tls().toString()).doesNotContain(TestCertificates.PASSWORD);
        assertThat(config.transportSecurity()).isInstanceOf(TlsSecurity.class);
        assertThat(NodeConfig.load(write("node.data-dir = data\n")).transportSecurity()).isSameAs(TransportSecurity.NONE);
    }

    @Test
    void tlsStoresThatCannotBeUsedAreReportedAtLoad() throws Exception {
        TestCertificates certificates = new TestCertificates(dir);
        certificates.keyStore("n1");
        Path partial = write("""
                node.data-dir = data
                transport.tls.key-store = n1-key.p12
                transport.tls.key-store-password = x
                """);
        assertThatThrownBy(() -> NodeConfig.load(partial)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("missing: transport.tls.trust-store, transport.tls.trust-store-password");
        Path wrongPassword = write("""
                node.data-dir = data
                transport.tls.key-store = n1-key.p12
                transport.tls.key-store-password = not-the-password
                transport.tls.trust-store = n1-key.p12
                transport.tls.trust-store-password = not-the-password
                """);
        assertThatThrownBy(() -> NodeConfig.load(wrongPassword)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("cannot read the key store " + dir.resolve("n1-key.p12"));
        Path missing = write("""
                node.data-dir = data
                transport.tls.key-store = nowhere.p12
                transport.tls.key-store-password = x
                transport.tls.trust-store = nowhere.p12
                transport.tls.trust-store-password = x
                """);
        assertThatThrownBy(() -> NodeConfig.load(missing)).hasMessageContaining("nowhere.p12");
    }

    @Test
    void dataDirIsRequired() throws Exception {
        Path file = write("node.name = a\n");
        assertThatThrownBy(() -> NodeConfig.load(file))
                .hasMessageContaining("missing node.data-dir");
    }

    @Test
    void unreadableFileIsReportedWithItsPath() {
        Path missing = dir.resolve("absent.properties");
        assertThatThrownBy(() -> NodeConfig.load(missing))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("cannot read " + missing);
    }
}
