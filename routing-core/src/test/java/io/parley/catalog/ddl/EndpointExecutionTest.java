package io.parley.catalog.ddl;

import static io.parley.catalog.ddl.Scripts.failureOnBroker;
import static io.parley.catalog.ddl.Scripts.failureOnNode;
import static io.parley.catalog.ddl.Scripts.onNode;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.catalog.BrokerEndpoint;
import io.parley.catalog.Catalog;
import io.parley.catalog.EndpointState;
import org.junit.jupiter.api.Test;

class EndpointExecutionTest {
    private static final String CREATE = "CREATE ENDPOINT BrokerEndpoint AS TCP (LISTENER_PORT = 4022) FOR SERVICE_BROKER";

    @Test
    void createsAStoppedEndpointThatDoesNotForward() {
        assertThat(onNode(CREATE).endpoint()).contains(new BrokerEndpoint("BrokerEndpoint", EndpointState.STOPPED, 4022,
                null, false, BrokerEndpoint.DEFAULT_FORWARD_SIZE_MB));
    }

    @Test
    void createsAnEndpointWithEverySetting() {
        Catalog catalog = onNode("CREATE ENDPOINT e STATE = STARTED AS TCP (LISTENER_PORT = 5022, LISTENER_IP = ('127.0.0.1'))"
                + " FOR SERVICE_BROKER (MESSAGE_FORWARDING = ENABLED, MESSAGE_FORWARD_SIZE = 1)");

        assertThat(catalog.endpoint()).contains(new BrokerEndpoint("e", EndpointState.STARTED, 5022, "127.0.0.1", true, 1));
    }

    @Test
    void enablesForwardingAsT18DoesAndKeepsTheRest() {
        Catalog catalog = onNode(CREATE + " (MESSAGE_FORWARD_SIZE = 20)");

        Catalog altered = onNode(catalog, "ALTER ENDPOINT BrokerEndpoint FOR SERVICE_BROKER (MESSAGE_FORWARDING = ENABLED)");

        assertThat(altered.endpoint()).contains(new BrokerEndpoint("BrokerEndpoint", EndpointState.STOPPED, 4022, null,
                true, 20));
    }

    @Test
    void replacesTheWholeListenerWithAsTcp() {
        Catalog catalog = onNode("CREATE ENDPOINT e AS TCP (LISTENER_PORT = 4022, LISTENER_IP = ('10.0.0.1')) FOR SERVICE_BROKER");

        Catalog altered = onNode(catalog, "ALTER ENDPOINT e STATE = STARTED AS TCP (LISTENER_PORT = 4023)");

        assertThat(altered.endpoint()).contains(new BrokerEndpoint("e", EndpointState.STARTED, 4023, null, false, 10));
    }

    @Test
    void dropsTheEndpoint() {
        assertThat(onNode(onNode(CREATE), "DROP ENDPOINT BrokerEndpoint").endpoint()).isEmpty();
    }

    @Test
    void allowsAtMostOneEndpointPerNode() {
        DdlException e = failureOnNode(onNode(CREATE),
                "CREATE ENDPOINT Second AS TCP (LISTENER_PORT = 4023) FOR SERVICE_BROKER");

        assertThat(e).hasMessage("line 1, column 1: endpoint 'Second' cannot be created: this node already has endpoint"
                + " 'BrokerEndpoint', and a node has at most one (R-PROTO-1)");
        assertThat(e.objectNames()).containsExactly("Second", "BrokerEndpoint");
        assertThat(failureOnNode(onNode(CREATE), CREATE)).hasMessage("line 1, column 1: endpoint 'BrokerEndpoint' already exists");
    }

    @Test
    void refusesUnknownEndpoints() {
        assertThat(failureOnNode(Catalog.initial(), "DROP ENDPOINT e"))
                .hasMessage("line 1, column 1: endpoint 'e' does not exist (error 15151)");
        assertThat(failureOnNode(onNode(CREATE), "ALTER ENDPOINT brokerendpoint STATE = STARTED").errorNumber())
                .isEqualTo(15151);
    }

    @Test
    void refusesEndpointStatementsOnABrokerStore() {
        DdlException e = failureOnBroker("CREATE QUEUE q;\n" + CREATE);

        assertThat(e).hasMessage("line 2, column 1: endpoint 'BrokerEndpoint': ENDPOINT statements apply only to a"
                + " node's own store (Parley's msdb), and this script runs against a broker's store");
        assertThat(failureOnBroker("DROP ENDPOINT e").position()).isEqualTo(new SourcePosition(1, 1));
    }
}
