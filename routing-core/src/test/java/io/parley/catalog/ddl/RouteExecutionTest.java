package io.parley.catalog.ddl;

import static io.parley.catalog.ddl.Scripts.NOW;
import static io.parley.catalog.ddl.Scripts.failureOnBroker;
import static io.parley.catalog.ddl.Scripts.onBroker;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.catalog.Catalog;
import io.parley.catalog.Route;
import io.parley.catalog.RouteAddress;
import io.parley.catalog.SystemObjects;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Routes of the semantics document's scenarios (§9) and the shape rules of R-ROUTE-4. */
class RouteExecutionTest {
    private static final UUID G = UUID.fromString("d8d4d268-00a3-4c62-8f91-634b89b1e317");
    private static final RouteAddress.Tcp PARTNER1 = new RouteAddress.Tcp("partner1", 4022);
    private static final RouteAddress.Tcp PARTNER2 = new RouteAddress.Tcp("partner2", 4022);

    @Test
    void createsTheSpecificNetworkRouteOfT2() {
        Catalog catalog = onBroker("CREATE ROUTE OrderPartsRoute WITH SERVICE_NAME = 'OrderParts', ADDRESS = 'tcp://host2:4022'");

        assertThat(catalog.route("OrderPartsRoute"))
                .contains(Route.of("OrderPartsRoute", "OrderParts", new RouteAddress.Tcp("host2", 4022)));
        assertThat(catalog.route(SystemObjects.AUTO_CREATED_LOCAL)).isPresent();
    }

    @Test
    void createsTheMirrorRouteOfT3() {
        Catalog catalog = onBroker("""
                CREATE ROUTE OrderPartsRoute WITH SERVICE_NAME = 'OrderParts',
                    BROKER_INSTANCE = 'D8D4D268-00A3-4C62-8F91-634B89B1E317',
                    ADDRESS = 'tcp://partner1:4022', MIRROR_ADDRESS = 'tcp://partner2:4022'""");

        assertThat(catalog.route("OrderPartsRoute"))
                .contains(new Route("OrderPartsRoute", "OrderParts", G, PARTNER1, PARTNER2, null));
    }

    @Test
    void refusesTheMirrorRoutesT3Forbids() {
        DdlException noBroker = failureOnBroker("CREATE ROUTE R WITH SERVICE_NAME = 'OrderParts',"
                + " ADDRESS = 'tcp://partner1:4022', MIRROR_ADDRESS = 'tcp://partner2:4022'");
        DdlException same = failureOnBroker("CREATE ROUTE R WITH SERVICE_NAME = 'OrderParts', BROKER_INSTANCE = '"
                + G + "', ADDRESS = 'tcp://partner1:4022', MIRROR_ADDRESS = 'tcp://partner1:4022'");
        DdlException local = failureOnBroker("CREATE ROUTE R WITH SERVICE_NAME = 'OrderParts', BROKER_INSTANCE = '"
                + G + "', ADDRESS = 'LOCAL', MIRROR_ADDRESS = 'tcp://partner1:4022'");

        assertThat(noBroker).hasMessage("line 1, column 1: route 'R' has a MIRROR_ADDRESS but not both SERVICE_NAME and"
                + " BROKER_INSTANCE (error 9661)");
        assertThat(noBroker.objectNames()).containsExactly("R");
        assertThat(same.errorNumber()).isEqualTo(9747);
        assertThat(local.errorNumber()).isEqualTo(9743);
    }

    @Test
    void createsTheBalancedRoutesOfT5() {
        Catalog catalog = onBroker("""
                CREATE ROUTE BalancedRouteOne WITH SERVICE_NAME = 'BalancedService',
                    BROKER_INSTANCE = '5fb8d92b-ed69-4c80-afbb-2aa6a7d3cb2d', ADDRESS = 'tcp://server1:4022';
                CREATE ROUTE BalancedRouteTwo WITH SERVICE_NAME = 'BalancedService',
                    BROKER_INSTANCE = '81b1d3d0-288e-4d2c-b1d3-456cbb944b4f', ADDRESS = 'tcp://server2:4022';
                """);

        assertThat(catalog.route("BalancedRouteTwo").orElseThrow().brokerInstance())
                .isEqualTo(UUID.fromString("81b1d3d0-288e-4d2c-b1d3-456cbb944b4f"));
        assertThat(catalog.routes()).hasSize(3);
    }

    @Test
    void createsTheTransportRouteOfT17AndRefusesOneNamingAService() {
        Catalog catalog = onBroker("CREATE ROUTE TransportRoute WITH ADDRESS = 'TRANSPORT'");
        DdlException e = failureOnBroker("CREATE ROUTE R WITH SERVICE_NAME = 'X', ADDRESS = 'TRANSPORT'");

        assertThat(catalog.route("TransportRoute")).contains(Route.of("TransportRoute", null, RouteAddress.TRANSPORT));
        assertThat(e.errorNumber()).isEqualTo(9745);
        assertThat(e.position()).isEqualTo(new SourcePosition(1, 1));
    }

    @Test
    void refusesABrokerInstanceWithoutServiceName() {
        assertThat(failureOnBroker("CREATE ROUTE R WITH BROKER_INSTANCE = '" + G + "', ADDRESS = 'LOCAL'").errorNumber())
                .isEqualTo(9662);
    }

    @Test
    void turnsLifetimeIntoAnExpiryCountedFromExecution() {
        Catalog catalog = onBroker("CREATE ROUTE R WITH SERVICE_NAME = 'Svc', LIFETIME = 1, ADDRESS = 'tcp://x:4022'");

        Route route = catalog.route("R").orElseThrow();
        assertThat(route.expiresAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(route.isExpiredAt(NOW.plusSeconds(2))).isTrue();
    }

    @Test
    void reactivatesAnExpiredRouteWithAlterRouteAsT13Does() {
        Catalog created = DdlScript.run("CREATE ROUTE R WITH SERVICE_NAME = 'Svc', LIFETIME = 1, ADDRESS = 'tcp://x:4022'",
                Catalog.initial(), ExecutionContext.brokerStore(Instant.parse("2024-01-01T00:00:00Z")));

        Route route = onBroker(created, "ALTER ROUTE R WITH LIFETIME = 3600").route("R").orElseThrow();

        assertThat(route.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(route).isEqualTo(new Route("R", "Svc", null, new RouteAddress.Tcp("x", 4022), null, NOW.plusSeconds(3600)));
    }

    @Test
    void altersOnlyTheClausesGivenAndKeepsTheRest() {
        Catalog catalog = onBroker("CREATE ROUTE RA WITH SERVICE_NAME = 'Svc', BROKER_INSTANCE = '" + G
                + "', LIFETIME = 60, ADDRESS = 'tcp://b1:4022'");

        Route route = onBroker(catalog, "ALTER ROUTE RA WITH ADDRESS = 'tcp://b1b:4022'").route("RA").orElseThrow();

        assertThat(route).isEqualTo(new Route("RA", "Svc", G, new RouteAddress.Tcp("b1b", 4022), null, NOW.plusSeconds(60)));
    }

    @Test
    void checksTheShapeOfTheAlteredRoute() {
        Catalog catalog = onBroker("CREATE ROUTE R WITH SERVICE_NAME = 'Svc', ADDRESS = 'tcp://b1:4022'");

        DdlException e = failureOnBroker(catalog, "ALTER ROUTE R WITH ADDRESS = 'TRANSPORT'");

        assertThat(e).hasMessage("line 1, column 1: route 'R' has ADDRESS 'TRANSPORT' and a SERVICE_NAME; a TRANSPORT"
                + " route must not name a service (error 9745)");
    }

    @Test
    void altersAndDropsAutoCreatedLocalLikeAnyRoute() {
        Catalog altered = onBroker("ALTER ROUTE AutoCreatedLocal WITH ADDRESS = 'tcp://hub:4022'");
        Catalog dropped = onBroker("DROP ROUTE AutoCreatedLocal");

        assertThat(altered.route("AutoCreatedLocal"))
                .contains(Route.of("AutoCreatedLocal", null, new RouteAddress.Tcp("hub", 4022)));
        assertThat(dropped.routes()).isEmpty();
    }

    @Test
    void refusesADuplicateRouteAndUnknownRoutes() {
        assertThat(failureOnBroker("CREATE ROUTE AutoCreatedLocal WITH ADDRESS = 'LOCAL'"))
                .hasMessage("line 1, column 1: route 'AutoCreatedLocal' already exists");
        assertThat(failureOnBroker("ALTER ROUTE autocreatedlocal WITH LIFETIME = 5"))
                .hasMessage("line 1, column 1: route 'autocreatedlocal' does not exist (error 15151)");
        assertThat(failureOnBroker("DROP ROUTE Nope").errorNumber()).isEqualTo(15151);
    }
}
