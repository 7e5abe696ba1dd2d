package io.parley.catalog.ddl;

import static io.parley.catalog.ddl.Scripts.parseFailure;
import static io.parley.catalog.ddl.Scripts.parseOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.catalog.SentBy;
import io.parley.catalog.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTypeAndContractParsingTest {
    private static final SourcePosition START = new SourcePosition(1, 1);

    @Test
    void createsAMessageTypeWithoutValidationAsNone() {
        assertThat(parseOne("CREATE MESSAGE TYPE [//AW/Expenses/Submit]"))
                .isEqualTo(new MessageTypeStatement.Create(START, "//AW/Expenses/Submit", Validation.NONE));
    }

    @Test
    void readsEveryValidationAndSkipsTheOwner() {
        assertThat(List.of("NONE", "EMPTY", "WELL_FORMED_XML", "VALID_JSON")).allSatisfy(validation ->
                assertThat(parseOne("create message type m authorization dbo validation = " + validation))
                        .isEqualTo(new MessageTypeStatement.Create(START, "m", Validation.valueOf(validation))));
    }

    @Test
    void altersAndDropsAMessageType() {
        assertThat(parseOne("ALTER MESSAGE TYPE \"Order\" VALIDATION = EMPTY"))
                .isEqualTo(new MessageTypeStatement.Alter(START, "Order", Validation.EMPTY));
        assertThat(parseOne("DROP MESSAGE TYPE [Order]"))
                .isEqualTo(new MessageTypeStatement.Drop(START, "Order"));
    }

    @Test
    void refusesSchemaValidationAtItsPosition() {
        DdlException e = parseFailure("CREATE MESSAGE TYPE m\n  VALIDATION = VALID_XML WITH SCHEMA COLLECTION s");

        assertThat(e).hasMessage("line 2, column 16: VALIDATION = VALID_XML WITH SCHEMA COLLECTION is not supported:"
                + " Parley has no XML schema collections; use WELL_FORMED_XML");
    }

    @Test
    void refusesAnUnknownValidation() {
        assertThat(parseFailure("ALTER MESSAGE TYPE m VALIDATION = XML"))
                .hasMessage("line 1, column 35: expected NONE, EMPTY, WELL_FORMED_XML or VALID_JSON but found 'XML'");
    }

    @Test
    void createsAContractWithEntriesInOrderIncludingTheDefaultType() {
        ContractStatement.Create create = (ContractStatement.Create) parseOne("""
                CREATE CONTRACT [//AW/Expenses] AUTHORIZATION dbo (
                    [//AW/Submit] SENT BY INITIATOR,
                    [//AW/Reply]  SENT BY TARGET,
                    [DEFAULT]     SENT BY ANY
                )""");

        assertThat(create.name()).isEqualTo("//AW/Expenses");
        assertThat(create.entries()).containsExactly(
                new ContractStatement.Entry("//AW/Submit", SentBy.INITIATOR),
                new ContractStatement.Entry("//AW/Reply", SentBy.TARGET),
                new ContractStatement.Entry("DEFAULT", SentBy.ANY));
    }

    @Test
    void dropsAContract() {
        assertThat(parseOne("DROP CONTRACT c")).isEqualTo(new ContractStatement.Drop(START, "c"));
    }

    @Test
    void explainsThatContractsCannotBeAltered() {
        assertThat(parseFailure("\n ALTER CONTRACT c")).hasMessage("line 2, column 2: there is no ALTER CONTRACT:"
                + " a contract cannot change once created (R-OBJ-12); drop it and create it again");
    }

    @Test
    void asksForBracketsAroundAReservedWordUsedAsAName() {
        assertThat(parseFailure("CREATE CONTRACT c (DEFAULT SENT BY ANY)")).hasMessage("line 1, column 20:"
                + " expected a message type name but found the reserved word DEFAULT; to use it as a name write [DEFAULT]");
    }

    @Test
    void needsAtLeastOneContractEntry() {
        assertThat(parseFailure("CREATE CONTRACT c ()"))
                .hasMessage("line 1, column 20: expected a message type name but found ')'");
    }

    @Test
    void needsSentByWithASide() {
        assertThat(parseFailure("CREATE CONTRACT c (m SENT BY NOBODY)"))
                .hasMessage("line 1, column 30: expected INITIATOR, TARGET or ANY but found 'NOBODY'");
    }
}
