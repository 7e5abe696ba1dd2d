package io.parley.catalog.ddl;

import static io.parley.catalog.ddl.Scripts.failureOnBroker;
import static io.parley.catalog.ddl.Scripts.onBroker;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.catalog.Catalog;
import io.parley.catalog.Contract;
import io.parley.catalog.MessageType;
import io.parley.catalog.SentBy;
import io.parley.catalog.SystemObjects;
import io.parley.catalog.Validation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTypeAndContractExecutionTest {
    private static final String TYPES = """
            CREATE MESSAGE TYPE Request VALIDATION = WELL_FORMED_XML;
            CREATE MESSAGE TYPE Reply VALIDATION = VALID_JSON;
            """;

    @Test
    void createsAltersAndDropsAMessageType() {
        Catalog created = onBroker("CREATE MESSAGE TYPE [//AW/Submit]");
        Catalog altered = onBroker(created, "ALTER MESSAGE TYPE [//AW/Submit] VALIDATION = EMPTY");
        Catalog dropped = onBroker(altered, "DROP MESSAGE TYPE [//AW/Submit]");

        assertThat(created.messageType("//AW/Submit")).contains(new MessageType("//AW/Submit", Validation.NONE));
        assertThat(altered.messageType("//AW/Submit")).contains(new MessageType("//AW/Submit", Validation.EMPTY));
        assertThat(dropped).isEqualTo(Catalog.initial());
    }

    @Test
    void refusesADuplicateMessageType() {
        DdlException e = failureOnBroker(onBroker("CREATE MESSAGE TYPE m"), "\n\n  CREATE MESSAGE TYPE m");

        assertThat(e).hasMessage("line 3, column 3: message type 'm' already exists");
        assertThat(e.objectNames()).containsExactly("m");
    }

    @Test
    void refusesUnknownMessageTypesInAlterAndDrop() {
        DdlException e = failureOnBroker("ALTER MESSAGE TYPE nope VALIDATION = NONE");

        assertThat(e).hasMessage("line 1, column 1: message type 'nope' does not exist (error 15151)");
        assertThat(e.errorNumber()).isEqualTo(15151);
        assertThat(failureOnBroker("DROP MESSAGE TYPE nope").errorNumber()).isEqualTo(15151);
    }

    @Test
    void leavesTheSystemMessageTypesAlone() {
        for (MessageType type : SystemObjects.MESSAGE_TYPES) {
            String name = "[" + type.name() + "]";
            for (String statement : new String[] {"CREATE MESSAGE TYPE " + name, "DROP MESSAGE TYPE " + name,
                    "ALTER MESSAGE TYPE " + name + " VALIDATION = NONE"}) {
                DdlException e = failureOnBroker(statement);
                assertThat(e.problem()).isEqualTo("message type '" + type.name() + "' is a system object: it exists in"
                        + " every broker and cannot be created, altered or dropped");
                assertThat(e.errorNumber()).isEqualTo(9663);
            }
        }
    }

    @Test
    void refusesToDropAMessageTypeAContractUses() {
        Catalog catalog = onBroker(TYPES + """
                CREATE CONTRACT A (Request SENT BY INITIATOR, Reply SENT BY TARGET);
                CREATE CONTRACT B (Request SENT BY ANY);
                """);

        DdlException e = failureOnBroker(catalog, "DROP MESSAGE TYPE Request");

        assertThat(e).hasMessage("line 1, column 1: message type 'Request' cannot be dropped: contracts 'A', 'B' use it");
        assertThat(e.objectNames()).containsExactly("Request", "A", "B");
        assertThat(failureOnBroker(catalog, "DROP MESSAGE TYPE Reply").problem())
                .isEqualTo("message type 'Reply' cannot be dropped: contract 'A' uses it");
    }

    @Test
    void createsAContractKeepingItsEntries() {
        Catalog catalog = onBroker(TYPES + "CREATE CONTRACT C (Request SENT BY INITIATOR, Reply SENT BY TARGET, [DEFAULT] SENT BY ANY)");

        assertThat(catalog.contract("C")).contains(new Contract("C",
                Map.of("Request", SentBy.INITIATOR, "Reply", SentBy.TARGET, "DEFAULT", SentBy.ANY)));
        assertThat(catalog.contract("C").orElseThrow().messageTypes().keySet()).containsExactly("Request", "Reply", "DEFAULT");
    }

    @Test
    void refusesAContractNamingAMissingMessageType() {
        DdlException e = failureOnBroker(TYPES + "CREATE CONTRACT C (Request SENT BY INITIATOR, Missing SENT BY TARGET)");

        assertThat(e).hasMessage("line 3, column 1: contract 'C' names message type 'Missing', which does not exist"
                + " (error 15151)");
        assertThat(e.objectNames()).containsExactly("C", "Missing");
    }

    @Test
    void refusesAContractTheInitiatorCannotUse() {
        DdlException e = failureOnBroker(TYPES + "CREATE CONTRACT C (Request SENT BY TARGET, Reply SENT BY TARGET)");

        assertThat(e).hasMessage("line 3, column 1: contract 'C' must have at least one message type SENT BY INITIATOR"
                + " or ANY (error 8492)");
    }

    @Test
    void refusesAContractListingATypeTwice() {
        DdlException e = failureOnBroker(TYPES + "CREATE CONTRACT C (Request SENT BY INITIATOR, Request SENT BY TARGET)");

        assertThat(e).hasMessage("line 3, column 1: contract 'C' lists message type 'Request' more than once (error 8403)");
    }

    @Test
    void refusesADuplicateContract() {
        assertThat(failureOnBroker(TYPES + "CREATE CONTRACT C (Request SENT BY ANY) CREATE CONTRACT C (Reply SENT BY ANY)"))
                .hasMessage("line 3, column 41: contract 'C' already exists");
    }

    @Test
    void refusesAContractNamedAny() {
        assertThat(failureOnBroker("CREATE CONTRACT [any] ([DEFAULT] SENT BY ANY)")).hasMessage("line 1, column 1:"
                + " a contract must not be named 'any': ANY stands for every contract in broker priorities (R-OBJ-5)");
    }

    @Test
    void leavesTheDefaultContractAlone() {
        assertThat(failureOnBroker("DROP CONTRACT [DEFAULT]").errorNumber()).isEqualTo(9663);
        assertThat(failureOnBroker("CREATE CONTRACT [DEFAULT] ([DEFAULT] SENT BY ANY)").problem())
                .isEqualTo("contract 'DEFAULT' is a system object: it exists in every broker and cannot be created,"
                        + " altered or dropped");
    }

    @Test
    void dropsAContractNoServiceUses() {
        Catalog catalog = onBroker(TYPES + "CREATE CONTRACT C (Request SENT BY ANY)");

        assertThat(onBroker(catalog, "DROP CONTRACT C").contract("C")).isEmpty();
        assertThat(failureOnBroker("DROP CONTRACT C")).hasMessage("line 1, column 1: contract 'C' does not exist (error 15151)");
    }

    @Test
    void refusesToDropAContractAServiceUses() {
        Catalog catalog = onBroker(TYPES + """
                CREATE CONTRACT C (Request SENT BY ANY);
                CREATE QUEUE q;
                CREATE SERVICE Svc ON QUEUE q (C);
                """);

        DdlException e = failureOnBroker(catalog, "DROP CONTRACT C");

        assertThat(e).hasMessage("line 1, column 1: contract 'C' cannot be dropped: service 'Svc' uses it");
        assertThat(e.objectNames()).containsExactly("C", "Svc");
    }
}
