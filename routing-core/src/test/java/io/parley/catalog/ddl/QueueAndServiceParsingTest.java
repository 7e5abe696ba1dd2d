package io.parley.catalog.ddl;

import static io.parley.catalog.ddl.Scripts.parseFailure;
import static io.parley.catalog.ddl.Scripts.parseOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.catalog.ddl.QueueStatement.Activation;
import io.parley.catalog.ddl.QueueStatement.Options;
import io.parley.catalog.ddl.ServiceStatement.ContractChange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueueAndServiceParsingTest {
    private static final SourcePosition START = new SourcePosition(1, 1);

    @Test
    void createsAQueueWithoutOptions() {
        assertThat(parseOne("CREATE QUEUE ClientQ"))
                .isEqualTo(new QueueStatement.Create(START, "ClientQ", Options.NONE));
    }

    @Test
    void readsEveryQueueOption() {
        QueueStatement.Create create = (QueueStatement.Create) parseOne("""
                CREATE QUEUE dbo.ExpenseQueue WITH
                    STATUS = OFF,
                    RETENTION = ON,
                    ACTIVATION (STATUS = ON, PROCEDURE_NAME = dbo.expense_procedure,
                                MAX_QUEUE_READERS = 5, EXECUTE AS 'ExpenseUser'),
                    POISON_MESSAGE_HANDLING (STATUS = OFF)
                ON [DEFAULT]""");

        assertThat(create.name()).isEqualTo("ExpenseQueue");
        assertThat(create.options()).isEqualTo(new Options(Optional.of(false), Optional.of(true), Optional.of(false),
                Optional.of(new Activation(Optional.of(true), Optional.of("dbo.expense_procedure"), Optional.of(5))),
                false, Optional.empty(), false));
    }

    @Test
    void keepsOnlyTheLastPartOfAQualifiedQueueName() {
        assertThat(List.of("q", "dbo.q", "AW.dbo.q", "[AW].[dbo].[q]")).allSatisfy(name ->
                assertThat(parseOne("DROP QUEUE " + name)).isEqualTo(new QueueStatement.Drop(START, "q")));
    }

    @Test
    void acceptsEveryExecuteAsAndAnyFilegroup() {
        assertThat(List.of("SELF", "OWNER", "N'someone'")).allSatisfy(principal ->
                assertThat(parseOne("CREATE QUEUE q WITH ACTIVATION (EXECUTE AS " + principal + ") ON fg1"))
                        .isEqualTo(new QueueStatement.Create(START, "q", new Options(Optional.empty(), Optional.empty(),
                                Optional.empty(), Optional.of(new Activation(Optional.empty(), Optional.empty(),
                                        Optional.empty())), false, Optional.empty(), false))));
    }

    @Test
    void altersAQueueDroppingItsActivation() {
        assertThat(parseOne("ALTER QUEUE q WITH ACTIVATION (DROP), STATUS = ON"))
                .isEqualTo(new QueueStatement.Alter(START, "q", new Options(Optional.of(true), Optional.empty(),
                        Optional.empty(), Optional.empty(), true, Optional.empty(), false)));
    }

    @Test
    void refusesActivationDropOnCreate() {
        assertThat(parseFailure("CREATE QUEUE q WITH ACTIVATION (DROP)")).hasMessage("line 1, column 33:"
                + " ACTIVATION (DROP) belongs to ALTER QUEUE; a queue created without ACTIVATION has none");
    }

    @Test
    void refusesAnOptionGivenTwice() {
        assertThat(parseFailure("ALTER QUEUE q WITH STATUS = ON, status = OFF"))
                .hasMessage("line 1, column 33: STATUS is given twice");
    }

    @Test
    void refusesAlterQueueWithoutOptions() {
        assertThat(parseFailure("ALTER QUEUE q WITH"))
                .hasMessage("line 1, column 19: expected STATUS, RETENTION, ACTIVATION, POISON_MESSAGE_HANDLING"
                        + " or DEAD_LETTER but found the end of the script");
    }

    @Test
    void refusesReadersOutsideTheRange() {
        assertThat(parseFailure("CREATE QUEUE q WITH ACTIVATION (MAX_QUEUE_READERS = 40000)"))
                .hasMessage("line 1, column 53: MAX_QUEUE_READERS 40000 is outside 0..32767");
    }

    @Test
    void refusesAQueueNameWithFourParts() {
        assertThat(parseFailure("DROP QUEUE srv.db.dbo.q"))
                .hasMessage("line 1, column 22: expected ';' or the next statement but found '.'");
    }

    @Test
    void createsAServiceOnAQualifiedQueueWithItsContracts() {
        assertThat(parseOne("CREATE SERVICE [//AW/Expenses] AUTHORIZATION dbo ON QUEUE dbo.ExpenseQueue"
                + " ([//AW/Expenses/Contract], [DEFAULT])"))
                .isEqualTo(new ServiceStatement.Create(START, "//AW/Expenses", "ExpenseQueue",
                        List.of("//AW/Expenses/Contract", "DEFAULT")));
    }

    @Test
    void createsAServiceThatOnlyInitiates() {
        assertThat(parseOne("CREATE SERVICE Client ON QUEUE ClientQ"))
                .isEqualTo(new ServiceStatement.Create(START, "Client", "ClientQ", List.of()));
    }

    @Test
    void altersAServiceQueueAndContractsInOrder() {
        assertThat(parseOne("ALTER SERVICE s ON QUEUE dbo.q2 (ADD CONTRACT a, DROP CONTRACT [DEFAULT])"))
                .isEqualTo(new ServiceStatement.Alter(START, "s", Optional.of("q2"),
                        List.of(new ContractChange(true, "a"), new ContractChange(false, "DEFAULT"))));
        assertThat(parseOne("ALTER SERVICE s (ADD CONTRACT a)"))
                .isEqualTo(new ServiceStatement.Alter(START, "s", Optional.empty(), List.of(new ContractChange(true, "a"))));
    }

    @Test
    void refusesAnAlterServiceThatChangesNothing() {
        DdlException e = parseFailure("ALTER SERVICE s;");

        assertThat(e).hasMessage("line 1, column 1: ALTER SERVICE 's' must change the queue or at least one contract"
                + " (error 8493)");
        assertThat(e.errorNumber()).isEqualTo(8493);
        assertThat(e.objectNames()).containsExactly("s");
    }

    @Test
    void dropsAService() {
        assertThat(parseOne("DROP SERVICE [Svc]")).isEqualTo(new ServiceStatement.Drop(START, "Svc"));
    }
}
