package io.parley.catalog.ddl;

import static io.parley.catalog.ddl.Scripts.parseFailure;
import static io.parley.catalog.ddl.Scripts.parseOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.catalog.EndpointState;
import io.parley.catalog.RouteAddress;
import io.parley.catalog.ddl.EndpointStatement.Listener;
import io.parley.catalog.ddl.EndpointStatement.Settings;
import io.parley.catalog.ddl.RouteStatement.Clauses;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RouteAndEndpointParsingTest {
    private static final SourcePosition START = new SourcePosition(1, 1);
    private static final UUID GUID = UUID.fromString("5fb8d92b-ed69-4c80-afbb-2aa6a7d3cb2d");

    @Test
    void readsEveryRouteClause() {
        RouteStatement.Create create = (RouteStatement.Create) parseOne("""
                CREATE ROUTE OrderPartsRoute AUTHORIZATION dbo WITH
                    SERVICE_NAME = N'OrderParts',
                    BROKER_INSTANCE = '5FB8D92B-ED69-4C80-AFBB-2AA6A7D3CB2D',
                    LIFETIME = 3600,
                    ADDRESS = 'tcp://partner1:4022',
                    MIRROR_ADDRESS = 'TCP://partner2:4022'""");

        assertThat(create).isEqualTo(new RouteStatement.Create(START, "OrderPartsRoute", new Clauses(
                Optional.of("OrderParts"), Optional.of(GUID), Optional.of(Duration.ofHours(1)),
                Optional.of(new RouteAddress.Tcp("partner1", 4022)), Optional.of(new RouteAddress.Tcp("partner2", 4022)))));
    }

    @Test
    void readsKeywordAddresses() {
        RouteStatement.Create create =
                (RouteStatement.Create) parseOne("CREATE ROUTE TransportRoute WITH ADDRESS = 'TRANSPORT'");

        assertThat(create.clauses()).isEqualTo(new Clauses(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(RouteAddress.TRANSPORT), Optional.empty()));
    }

    @Test
    void altersOnlyTheClausesGiven() {
        assertThat(parseOne("ALTER ROUTE R WITH LIFETIME = 0"))
                .isEqualTo(new RouteStatement.Alter(START, "R", new Clauses(Optional.empty(), Optional.empty(),
                        Optional.of(Duration.ZERO), Optional.empty(), Optional.empty())));
        assertThat(parseOne("DROP ROUTE AutoCreatedLocal"))
                .isEqualTo(new RouteStatement.Drop(START, "AutoCreatedLocal"));
    }

    @Test
    void needsAnAddressToCreateARoute() {
        DdlException e = parseFailure("\nCREATE ROUTE R WITH SERVICE_NAME = 'Svc'");

        assertThat(e).hasMessage("line 2, column 1: CREATE ROUTE 'R' needs an ADDRESS");
        assertThat(e.objectNames()).containsExactly("R");
    }

    @Test
    void refusesABrokerInstanceThatIsNoGuid() {
        assertThat(parseFailure("CREATE ROUTE R WITH SERVICE_NAME = 'S', BROKER_INSTANCE = 'not-a-guid', ADDRESS = 'LOCAL'"))
                .hasMessage("line 1, column 59: the BROKER_INSTANCE 'not-a-guid' of route 'R' is not a GUID such as"
                        + " 'D8D4D268-00A3-4C62-8F91-634B89B1E317'");
    }

    @Test
    void refusesEmptyServiceNameAndBrokerInstanceAsSqlServerDoes() {
        DdlException service = parseFailure("ALTER ROUTE R WITH SERVICE_NAME = ''");
        DdlException broker = parseFailure("ALTER ROUTE R WITH BROKER_INSTANCE = N''");

        assertThat(service).hasMessage("line 1, column 35: the SERVICE_NAME of route 'R' cannot be empty; to match any"
                + " service, leave SERVICE_NAME out of CREATE ROUTE (an existing route must be dropped and created again)"
                + " (error 9659)");
        assertThat(broker.errorNumber()).isEqualTo(9659);
        assertThat(broker.problem()).startsWith("the BROKER_INSTANCE of route 'R' cannot be empty");
    }

    @Test
    void refusesANegativeLifetime() {
        DdlException e = parseFailure("CREATE ROUTE R WITH LIFETIME = -5, ADDRESS = 'LOCAL'");

        assertThat(e).hasMessage("line 1, column 32: the LIFETIME of route 'R' must be in the range 0 to 2147483647"
                + " seconds, not -5 (error 9746)");
        assertThat(e.errorNumber()).isEqualTo(9746);
    }

    @Test
    void refusesALifetimeTooLargeForSqlServer() {
        assertThat(parseFailure("ALTER ROUTE R WITH LIFETIME = 99999999999999999999999").errorNumber()).isEqualTo(9746);
    }

    @Test
    void refusesAMalformedAddress() {
        DdlException e = parseFailure("CREATE ROUTE R WITH ADDRESS = 'tcp://host'");

        assertThat(e).hasMessage("line 1, column 31: the ADDRESS 'tcp://host' of route 'R' is not an address:"
                + " expected 'LOCAL', 'TRANSPORT' or 'tcp://host:port' (error 9744)");
    }

    @Test
    void refusesAMirrorAddressThatIsNoTcpAddress() {
        assertThat(parseFailure("ALTER ROUTE R WITH MIRROR_ADDRESS = 'LOCAL'")).hasMessage("line 1, column 37:"
                + " the MIRROR_ADDRESS of route 'R' must be a tcp://host:port address, not 'LOCAL' (error 9743)");
    }

    @Test
    void refusesAClauseGivenTwice() {
        assertThat(parseFailure("CREATE ROUTE R WITH ADDRESS = 'LOCAL', ADDRESS = 'LOCAL'"))
                .hasMessage("line 1, column 40: ADDRESS is given twice");
    }

    @Test
    void createsAnEndpointWithEverySetting() {
        EndpointStatement.Create create = (EndpointStatement.Create) parseOne("""
                CREATE ENDPOINT BrokerEndpoint AUTHORIZATION sa
                    STATE = STARTED
                    AS TCP (LISTENER_PORT = 4022, LISTENER_IP = ('10.0.0.5'))
                    FOR SERVICE_BROKER (MESSAGE_FORWARDING = ENABLED, MESSAGE_FORWARD_SIZE = 20)""");

        assertThat(create).isEqualTo(new EndpointStatement.Create(START, "BrokerEndpoint", new Settings(
                Optional.of(EndpointState.STARTED), Optional.of(new Listener(4022, Optional.of("10.0.0.5"))),
                Optional.of(true), Optional.of(20))));
    }

    @Test
    void createsAnEndpointWithOnlyItsPort() {
        EndpointStatement.Create create = (EndpointStatement.Create)
                parseOne("CREATE ENDPOINT e AS TCP (LISTENER_PORT = 4022) FOR SERVICE_BROKER");

        assertThat(create.settings()).isEqualTo(new Settings(Optional.empty(),
                Optional.of(new Listener(4022, Optional.empty())), Optional.empty(), Optional.empty()));
    }

    @Test
    void readsEveryFormOfListenerIp() {
        assertThat(List.of("ALL", "(10.1.2.3)", "('10.1.2.3')", "(\"::1\")", "('fe80::1')")).allSatisfy(ip -> {
            EndpointStatement.Alter alter = (EndpointStatement.Alter)
                    parseOne("ALTER ENDPOINT e AS TCP (LISTENER_IP = " + ip + ", LISTENER_PORT = 5022)");
            assertThat(alter.settings().listener()).hasValueSatisfying(listener -> {
                assertThat(listener.port()).isEqualTo(5022);
                assertThat(listener.ip()).isEqualTo(ip.equals("ALL") ? Optional.empty()
                        : Optional.of(ip.replaceAll("[()'\"]", "")));
            });
        });
    }

    @Test
    void refusesAListenerIpThatIsNoAddress() {
        assertThat(parseFailure("ALTER ENDPOINT e AS TCP (LISTENER_PORT = 4022, LISTENER_IP = (300.1.2.3))"))
                .hasMessage("line 1, column 63: LISTENER_IP '300.1.2.3' is not an IPv4 or IPv6 address");
    }

    @Test
    void needsAListenerPort() {
        assertThat(parseFailure("CREATE ENDPOINT e AS TCP (LISTENER_IP = ALL) FOR SERVICE_BROKER"))
                .hasMessage("line 1, column 22: AS TCP needs a LISTENER_PORT");
    }

    @Test
    void refusesAPortOutsideServiceBrokersRange() {
        assertThat(parseFailure("CREATE ENDPOINT e AS TCP (LISTENER_PORT = 80) FOR SERVICE_BROKER"))
                .hasMessage("line 1, column 43: LISTENER_PORT 80 is outside 1024..32767");
    }

    @Test
    void pointsTransportSecurityToTheNodeConfiguration() {
        assertThat(List.of("AUTHENTICATION = WINDOWS", "ENCRYPTION = REQUIRED ALGORITHM AES")).allSatisfy(clause -> {
            DdlException e = parseFailure("CREATE ENDPOINT e AS TCP (LISTENER_PORT = 4022)\n"
                    + "FOR SERVICE_BROKER (MESSAGE_FORWARDING = DISABLED, " + clause + ")");
            assertThat(e.position()).isEqualTo(new SourcePosition(2, 52));
            assertThat(e.problem()).isEqualTo(clause.substring(0, clause.indexOf(' ')) + " is not set in DDL: Parley"
                    + " configures transport security (TLS key store and trust store) in the node's configuration file");
        });
    }

    @Test
    void refusesOtherTransportsAndPayloads() {
        assertThat(parseFailure("CREATE ENDPOINT e AS HTTP (PATH = '/x')"))
                .hasMessage("line 1, column 22: expected TCP (a Parley endpoint listens on TCP only) but found 'HTTP'");
        assertThat(parseFailure("CREATE ENDPOINT e AS TCP (LISTENER_PORT = 5022) FOR DATABASE_MIRRORING (ROLE = ALL)"))
                .hasMessage("line 1, column 53: expected SERVICE_BROKER (a Parley endpoint carries Service Broker"
                        + " traffic only) but found 'DATABASE_MIRRORING'");
    }

    @Test
    void altersAnEndpointPiecewise() {
        assertThat(parseOne("ALTER ENDPOINT e FOR SERVICE_BROKER (MESSAGE_FORWARDING = ENABLED)"))
                .isEqualTo(new EndpointStatement.Alter(START, "e", new Settings(Optional.empty(), Optional.empty(),
                        Optional.of(true), Optional.empty())));
        assertThat(parseOne("ALTER ENDPOINT e STATE = DISABLED"))
                .isEqualTo(new EndpointStatement.Alter(START, "e", new Settings(Optional.of(EndpointState.DISABLED),
                        Optional.empty(), Optional.empty(), Optional.empty())));
        assertThat(parseOne("DROP ENDPOINT e")).isEqualTo(new EndpointStatement.Drop(START, "e"));
    }

    @Test
    void refusesAnAlterEndpointThatChangesNothing() {
        assertThat(parseFailure("ALTER ENDPOINT e FOR SERVICE_BROKER")).hasMessage("line 1, column 1: ALTER ENDPOINT 'e'"
                + " changes nothing: give STATE, AS TCP (…) or FOR SERVICE_BROKER (…)");
    }
}
