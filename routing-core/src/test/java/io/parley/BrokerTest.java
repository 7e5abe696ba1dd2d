package io.parley;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.catalog.Catalog;
import io.parley.catalog.CatalogException;
import io.parley.catalog.ddl.DdlException;
import io.parley.store.ManagementViews;
import io.parley.store.ViewRows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DDL through a real node on Derby: durability across restarts and all-or-nothing scripts. */
class BrokerTest {
    private static final String SETUP = """
            CREATE MESSAGE TYPE [//Orders/Submit] VALIDATION = WELL_FORMED_XML;
            CREATE MESSAGE TYPE [//Orders/Ack] VALIDATION = EMPTY;
            CREATE CONTRACT [//Orders/Contract] ([//Orders/Submit] SENT BY INITIATOR, [//Orders/Ack] SENT BY TARGET);
            CREATE QUEUE OrdersQueue WITH RETENTION = ON, ACTIVATION (STATUS = ON, MAX_QUEUE_READERS = 3);
            CREATE SERVICE [//Orders] ON QUEUE OrdersQueue ([//Orders/Contract], [DEFAULT]);
            CREATE ROUTE ToBilling WITH SERVICE_NAME = '//Billing', ADDRESS = 'tcp://127.0.0.1:4100';
            """;

    @TempDir
    Path dir;

    private Node openNode() {
        return Node.open(NodeConfig.of("test", dir, "Orders", "Billing"));
    }

    @Test
    void catalogAndBrokerIdsSurviveARestart() {
        Catalog orders;
        Catalog msdb;
        List<UUID> ids = new ArrayList<>();
        try (Node node = openNode()) {
            orders = node.broker("Orders").execute(SETUP);
            msdb = node.nodeBroker().execute("""
                    CREATE ENDPOINT ParleyEndpoint STATE = STARTED AS TCP (LISTENER_PORT = 4022)
                        FOR SERVICE_BROKER (MESSAGE_FORWARDING = ENABLED);
                    CREATE ROUTE Everything WITH ADDRESS = 'tcp://127.0.0.1:4200';
                    """);
            ids.add(node.nodeBroker().brokerInstanceId());
            node.brokers().forEach(b -> ids.add(b.brokerInstanceId()));
        }
        assertThat(ids).doesNotHaveDuplicates().hasSize(3);
        try (Node node = openNode()) {
            assertThat(node.broker("Orders").catalog()).isEqualTo(orders);
            assertThat(node.nodeBroker().catalog()).isEqualTo(msdb);
            assertThat(node.broker("Billing").catalog()).isEqualTo(Catalog.initial());
            assertThat(node.nodeBroker().brokerInstanceId()).isEqualTo(ids.get(0));
            assertThat(node.broker("Orders").brokerInstanceId()).isEqualTo(ids.get(1));
            assertThat(node.broker("Billing").brokerInstanceId()).isEqualTo(ids.get(2));
            assertThat(node.nodeBroker().catalog().endpoint()).hasValueSatisfying(e -> {
                assertThat(e.listenerPort()).isEqualTo(4022);
                assertThat(e.messageForwarding()).isTrue();
            });
        }
    }

    static List<Arguments> badScripts() {
        return List.of(
                Arguments.of("syntax error", "CREATE QUEUE Q1;\nCREATE SERVCE S ON QUEUE Q1;", 2, "SERVCE"),
                Arguments.of("duplicate queue", "CREATE QUEUE Q1;\nCREATE QUEUE OrdersQueue;", 2, "OrdersQueue"),
                Arguments.of("unknown service in DROP", "CREATE QUEUE Q1;\nDROP SERVICE [//Nope];", 2, "//Nope"),
                Arguments.of("contract with a missing message type",
                        "CREATE QUEUE Q1;\nCREATE CONTRACT C ([//Missing] SENT BY ANY);", 2, "//Missing"),
                Arguments.of("service on a missing queue", "CREATE QUEUE Q1;\nCREATE SERVICE S ON QUEUE NoSuchQueue;", 2, "NoSuchQueue"),
                Arguments.of("drop of a queue a service uses", "CREATE QUEUE Q1;\nDROP QUEUE OrdersQueue;", 2, "//Orders"),
                Arguments.of("drop of a message type a contract uses",
                        "CREATE QUEUE Q1;\nDROP MESSAGE TYPE [//Orders/Ack];", 2, "//Orders/Contract"),
                Arguments.of("malformed route address",
                        "CREATE QUEUE Q1;\nCREATE ROUTE R WITH ADDRESS = 'tcp//nohost';", 2, "tcp//nohost"),
                Arguments.of("malformed broker instance",
                        "CREATE QUEUE Q1;\nCREATE ROUTE R WITH SERVICE_NAME = 'S', BROKER_INSTANCE = 'not-a-guid', ADDRESS = 'LOCAL';", 2, "not-a-guid"),
                Arguments.of("negative lifetime",
                        "CREATE QUEUE Q1;\nCREATE ROUTE R WITH LIFETIME = -5, ADDRESS = 'LOCAL';", 2, "-5"),
                Arguments.of("endpoint in a broker store",
                        "CREATE QUEUE Q1;\nCREATE ENDPOINT E AS TCP (LISTENER_PORT = 4022) FOR SERVICE_BROKER;", 2, "E"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badScripts")
    void aFailingScriptLeavesEveryViewAsItWas(String label, String script, int line, String named) {
        try (Node node = openNode()) {
            Broker orders = node.broker("Orders");
            orders.execute(SETUP);
            List<ViewRows> before = allViews(orders);
            Catalog catalogBefore = orders.catalog();

            assertThatThrownBy(() -> orders.execute(script))
                    .isInstanceOf(DdlException.class)
                    .hasMessageStartingWith("line " + line + ", column ")
                    .hasMessageContaining(named)
                    .satisfies(e -> assertThat(((DdlException) e).line()).isEqualTo(line));

            assertThat(orders.catalog()).isEqualTo(catalogBefore);
            assertThat(allViews(orders)).isEqualTo(before);
        }
        try (Node node = openNode()) {
            assertThat(node.broker("Orders").catalog().queue("Q1")).isEmpty();
        }
    }

    @Test
    void endpointStatementsRunOnlyAgainstTheNodeStore() {
        try (Node node = openNode()) {
            assertThatThrownBy(() -> node.broker("Orders").execute("DROP ENDPOINT E;"))
                    .isInstanceOf(CatalogException.class);
            node.nodeBroker().execute("CREATE ENDPOINT E AS TCP (LISTENER_PORT = 4022) FOR SERVICE_BROKER;");
            assertThat(node.nodeBroker().view("service_broker_endpoints").rows()).singleElement()
                    .satisfies(r -> assertThat(r.get(0)).isEqualTo("E"));
        }
    }

    @Test
    void namesAreComparedByteExactly() {
        try (Node node = openNode()) {
            Catalog c = node.broker("Orders").execute("""
                    CREATE QUEUE Q;
                    CREATE SERVICE [Svc] ON QUEUE Q;
                    CREATE SERVICE [svc] ON QUEUE Q;
                    """);
            assertThat(c.service("Svc")).isPresent();
            assertThat(c.service("svc")).isPresent();
            assertThat(c.service("SVC")).isEmpty();
            assertThat(node.broker("Orders").view("services").rows()).extracting(r -> r.get(0)).containsExactly("Svc", "svc");
        }
    }

    private static List<ViewRows> allViews(Broker broker) {
        return ManagementViews.NAMES.stream().map(broker::view).toList();
    }
}
