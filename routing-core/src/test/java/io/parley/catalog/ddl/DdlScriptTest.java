package io.parley.catalog.ddl;

import static io.parley.catalog.ddl.Scripts.BROKER;
import static io.parley.catalog.ddl.Scripts.failureOnBroker;
import static io.parley.catalog.ddl.Scripts.onBroker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.parley.catalog.Catalog;
import io.parley.catalog.Service;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DdlScriptTest {

    @Test
    void runsTheClassicExpenseScript() {
        Catalog catalog = onBroker("""
                -- Adventure Works expense reporting, as written for SQL Server
                CREATE MESSAGE TYPE [//Adventure-Works.com/Expenses/SubmitExpense]
                    VALIDATION = WELL_FORMED_XML ;
                CREATE MESSAGE TYPE [//Adventure-Works.com/Expenses/ExpenseApprovedOrDenied]
                    VALIDATION = WELL_FORMED_XML ;
                GO
                /* the contract both sides share */
                CREATE CONTRACT [//Adventure-Works.com/Expenses/ExpenseSubmission]
                    ( [//Adventure-Works.com/Expenses/SubmitExpense] SENT BY INITIATOR,
                      [//Adventure-Works.com/Expenses/ExpenseApprovedOrDenied] SENT BY TARGET )
                GO
                CREATE QUEUE dbo.ExpenseQueue WITH STATUS = ON, RETENTION = OFF
                CREATE SERVICE [//Adventure-Works.com/Expenses] ON QUEUE [dbo].[ExpenseQueue]
                    ([//Adventure-Works.com/Expenses/ExpenseSubmission], [DEFAULT])
                GO
                """);

        assertThat(catalog.service("//Adventure-Works.com/Expenses")).contains(new Service("//Adventure-Works.com/Expenses",
                "ExpenseQueue", Set.of("//Adventure-Works.com/Expenses/ExpenseSubmission", "DEFAULT")));
    }

    @Test
    void givesEachStatementThePositionOfItsFirstWord() {
        DdlScript script = DdlScript.parse("CREATE QUEUE a;DROP QUEUE a\n\n   /* x */ create queue b\nGO\n\tdrop queue b");

        assertThat(script.statements()).extracting(DdlStatement::position).containsExactly(
                new SourcePosition(1, 1), new SourcePosition(1, 16), new SourcePosition(3, 12), new SourcePosition(5, 2));
    }

    @Test
    void treatsAScriptOfCommentsAndSeparatorsAsNothing() {
        assertThat(DdlScript.parse("-- nothing\n;;\nGO\n/* still nothing */").statements()).isEmpty();
        assertThat(onBroker("")).isEqualTo(Catalog.initial());
    }

    @Test
    void comparesNamesByteExactly() {
        Catalog catalog = onBroker("CREATE QUEUE q; CREATE SERVICE [Svc] ON QUEUE q; CREATE SERVICE [svc] ON QUEUE q");

        assertThat(catalog.services()).extracting(Service::name).containsExactly("Svc", "svc");
        assertThat(onBroker(catalog, "DROP SERVICE Svc").services()).extracting(Service::name).containsExactly("svc");
    }

    @Test
    void leavesTheInputCatalogUnchangedWhenTheThirdStatementFails() {
        Catalog before = onBroker("CREATE QUEUE existing");
        Catalog copy = onBroker("CREATE QUEUE existing");

        DdlException e = failureOnBroker(before, """
                CREATE MESSAGE TYPE m;
                CREATE QUEUE fresh;
                  CREATE SERVICE s ON QUEUE missing;
                CREATE SERVICE t ON QUEUE fresh;
                """);

        assertThat(e.position()).isEqualTo(new SourcePosition(3, 3));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e).hasMessage("line 3, column 3: service 's' names queue 'missing', which does not exist (error 15151)");
        assertThat(before).isEqualTo(copy);
        assertThat(before.messageType("m")).isEmpty();
        assertThat(before.queue("fresh")).isEmpty();
    }

    @Test
    void parsesTheWholeScriptBeforeApplyingAnyOfIt() {
        DdlException e = failureOnBroker("DROP QUEUE missing;\nCREATE QUEUE q;\nCREATE QUEUE WITH STATUS = ON");

        assertThat(e).hasMessage("line 3, column 14: expected a queue name but found the reserved word WITH;"
                + " to use it as a name write [WITH]");
    }

    @Test
    void refusesWhatFollowsACompleteStatement() {
        assertThat(failureOnBroker("DROP QUEUE q extra"))
                .hasMessage("line 1, column 14: expected ';' or the next statement but found 'extra'");
    }

    @Test
    void refusesAStatementThatIsNotDdl() {
        assertThat(failureOnBroker("SELECT 1")).hasMessage("line 1, column 1: expected CREATE, ALTER or DROP but found 'SELECT'");
        assertThat(failureOnBroker("CREATE REMOTE SERVICE BINDING b")).hasMessage("line 1, column 8:"
                + " expected MESSAGE, CONTRACT, QUEUE, SERVICE, ROUTE or ENDPOINT but found 'REMOTE'");
    }

    @Test
    void endsAStatementAtAGoLine() {
        assertThat(failureOnBroker("CREATE QUEUE\nGO\nq"))
                .hasMessage("line 2, column 1: expected a queue name but found GO");
    }

    @Test
    void appliesSingleStatementsThroughTheExecutor() {
        Catalog catalog = Catalog.initial();
        for (DdlStatement statement : DdlParser.parse("CREATE QUEUE q; CREATE SERVICE s ON QUEUE q")) {
            catalog = DdlExecutor.apply(catalog, statement, BROKER);
        }

        assertThat(catalog.service("s")).contains(new Service("s", "q", Set.of()));
    }

    @Test
    void wrapsCatalogRulesWithTheStatementPositionAndKeepsTheirNumber() {
        DdlException e = catchThrowableOfType(DdlException.class, () -> DdlExecutor.apply(Catalog.initial(),
                new QueueStatement.Create(new SourcePosition(7, 4), "", QueueStatement.Options.NONE), BROKER));

        assertThat(e).hasMessage("line 7, column 4: a queue name must not be empty (error 9659)");
        assertThat(e.errorNumber()).isEqualTo(9659);
    }
}
