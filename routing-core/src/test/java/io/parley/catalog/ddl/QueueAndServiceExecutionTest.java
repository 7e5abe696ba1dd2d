package io.parley.catalog.ddl;

import static io.parley.catalog.ddl.Scripts.failureOnBroker;
import static io.parley.catalog.ddl.Scripts.onBroker;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.catalog.Catalog;
import io.parley.catalog.Service;
import io.parley.catalog.ServiceQueue;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueueAndServiceExecutionTest {
    private static final String SETUP = """
            CREATE MESSAGE TYPE Request;
            CREATE CONTRACT Orders (Request SENT BY INITIATOR);
            CREATE CONTRACT Billing (Request SENT BY ANY);
            CREATE QUEUE q1;
            CREATE QUEUE q2;
            """;

    @Test
    void createsAQueueWithServiceBrokerDefaults() {
        assertThat(onBroker("CREATE QUEUE dbo.q").queue("q")).contains(ServiceQueue.withDefaults("q"));
    }

    @Test
    void turnsActivationOnWithOneReaderWhenOnlyTheClauseIsGiven() {
        assertThat(onBroker("CREATE QUEUE q WITH ACTIVATION (EXECUTE AS OWNER)").queue("q"))
                .contains(new ServiceQueue("q", true, false, true, true, 1, null));
    }

    @Test
    void createsAQueueWithEveryOption() {
        Catalog catalog = onBroker("""
                CREATE QUEUE q WITH STATUS = OFF, RETENTION = ON, POISON_MESSAGE_HANDLING (STATUS = OFF),
                    ACTIVATION (STATUS = OFF, PROCEDURE_NAME = [dbo].[proc], MAX_QUEUE_READERS = 7)""");

        assertThat(catalog.queue("q")).contains(new ServiceQueue("q", false, true, false, false, 7, "dbo.proc"));
    }

    @Test
    void altersOnlyTheNamedQueueOptions() {
        Catalog catalog = onBroker("CREATE QUEUE q WITH RETENTION = ON, ACTIVATION (MAX_QUEUE_READERS = 4, PROCEDURE_NAME = p)");

        Catalog altered = onBroker(catalog, "ALTER QUEUE q WITH STATUS = OFF, ACTIVATION (STATUS = OFF)");

        assertThat(altered.queue("q")).contains(new ServiceQueue("q", false, true, true, false, 4, "p"));
    }

    @Test
    void dropsActivationWithAlterQueue() {
        Catalog catalog = onBroker("CREATE QUEUE q WITH ACTIVATION (MAX_QUEUE_READERS = 4, PROCEDURE_NAME = p)");

        assertThat(onBroker(catalog, "ALTER QUEUE q WITH ACTIVATION (DROP)").queue("q"))
                .contains(ServiceQueue.withDefaults("q"));
    }

    @Test
    void refusesADuplicateQueue() {
        DdlException e = failureOnBroker("CREATE QUEUE q; CREATE QUEUE dbo.q");

        assertThat(e).hasMessage("line 1, column 17: queue 'q' already exists (error 2714)");
    }

    @Test
    void refusesAQueueNameStartingWithHash() {
        DdlException e = failureOnBroker("CREATE QUEUE [#temp]");

        assertThat(e).hasMessage("line 1, column 1: queue name '#temp' must not start with '#' (R-OBJ-4)");
        assertThat(e.objectNames()).containsExactly("#temp");
        assertThat(e.getCause()).isNotNull();
    }

    @Test
    void refusesUnknownQueuesInAlterAndDrop() {
        assertThat(failureOnBroker("ALTER QUEUE nope WITH STATUS = ON"))
                .hasMessage("line 1, column 1: queue 'nope' does not exist (error 15151)");
        assertThat(failureOnBroker("DROP QUEUE nope").errorNumber()).isEqualTo(15151);
    }

    @Test
    void refusesToDropAQueueAServiceUses() {
        Catalog catalog = onBroker(SETUP + "CREATE SERVICE [Svc] ON QUEUE q1; CREATE SERVICE Other ON QUEUE q2;");

        DdlException e = failureOnBroker(catalog, "DROP QUEUE dbo.q1");

        assertThat(e).hasMessage("line 1, column 1: queue 'q1' cannot be dropped: service 'Svc' uses it");
        assertThat(onBroker(catalog, "DROP SERVICE Svc; DROP QUEUE q1").queue("q1")).isEmpty();
    }

    @Test
    void createsAServiceAcceptingTheDefaultContract() {
        Catalog catalog = onBroker("CREATE QUEUE SvcQ; CREATE SERVICE Svc ON QUEUE SvcQ ([DEFAULT])");

        assertThat(catalog.service("Svc")).contains(new Service("Svc", "SvcQ", Set.of("DEFAULT")));
    }

    @Test
    void refusesAServiceOnAMissingQueue() {
        DdlException e = failureOnBroker("CREATE SERVICE Svc ON QUEUE dbo.Missing");

        assertThat(e).hasMessage("line 1, column 1: service 'Svc' names queue 'Missing', which does not exist (error 15151)");
        assertThat(e.objectNames()).containsExactly("Svc", "Missing");
    }

    @Test
    void refusesAServiceListingAMissingContract() {
        assertThat(failureOnBroker(SETUP + "CREATE SERVICE Svc ON QUEUE q1 (Orders, Missing)"))
                .hasMessage("line 6, column 1: service 'Svc' names contract 'Missing', which does not exist (error 15151)");
    }

    @Test
    void refusesAServiceListingAContractTwice() {
        assertThat(failureOnBroker(SETUP + "CREATE SERVICE Svc ON QUEUE q1 (Orders, Orders)"))
                .hasMessage("line 6, column 1: service 'Svc' lists contract 'Orders' more than once (error 8404)");
    }

    @Test
    void refusesADuplicateServiceAndTheNameAny() {
        assertThat(failureOnBroker(SETUP + "CREATE SERVICE s ON QUEUE q1\nCREATE SERVICE s ON QUEUE q2"))
                .hasMessage("line 7, column 1: service 's' already exists");
        assertThat(failureOnBroker(SETUP + "CREATE SERVICE \"ANY\" ON QUEUE q1").problem())
                .isEqualTo("a service must not be named 'ANY': ANY stands for every service in broker priorities (R-OBJ-5)");
    }

    @Test
    void altersAServiceQueueAndContracts() {
        Catalog catalog = onBroker(SETUP + "CREATE SERVICE Svc ON QUEUE q1 (Orders)");

        Catalog altered = onBroker(catalog, "ALTER SERVICE Svc ON QUEUE q2 (ADD CONTRACT Billing, DROP CONTRACT Orders)");

        assertThat(altered.service("Svc")).contains(new Service("Svc", "q2", Set.of("Billing")));
    }

    @Test
    void refusesToAddAContractTheServiceAlreadyAccepts() {
        Catalog catalog = onBroker(SETUP + "CREATE SERVICE Svc ON QUEUE q1 (Orders)");

        DdlException e = failureOnBroker(catalog, "ALTER SERVICE Svc (ADD CONTRACT Orders)");

        assertThat(e).hasMessage("line 1, column 1: service 'Svc' already accepts contract 'Orders'");
        assertThat(e.objectNames()).containsExactly("Svc", "Orders");
    }

    @Test
    void refusesToDropAContractTheServiceDoesNotAccept() {
        Catalog catalog = onBroker(SETUP + "CREATE SERVICE Svc ON QUEUE q1 (Orders)");

        assertThat(failureOnBroker(catalog, "ALTER SERVICE Svc (DROP CONTRACT Billing)")).hasMessage("line 1, column 1:"
                + " service 'Svc' does not accept contract 'Billing', so it cannot be dropped from it");
    }

    @Test
    void refusesAlterServiceNamingMissingObjects() {
        Catalog catalog = onBroker(SETUP + "CREATE SERVICE Svc ON QUEUE q1");

        assertThat(failureOnBroker(catalog, "ALTER SERVICE Svc ON QUEUE q9").problem())
                .isEqualTo("service 'Svc' names queue 'q9', which does not exist");
        assertThat(failureOnBroker(catalog, "ALTER SERVICE Svc (ADD CONTRACT Nope)").problem())
                .isEqualTo("service 'Svc' names contract 'Nope', which does not exist");
        assertThat(failureOnBroker(catalog, "ALTER SERVICE Nope (ADD CONTRACT Orders)").problem())
                .isEqualTo("service 'Nope' does not exist");
    }

    @Test
    void dropsAService() {
        Catalog catalog = onBroker(SETUP + "CREATE SERVICE Svc ON QUEUE q1");

        assertThat(onBroker(catalog, "DROP SERVICE Svc").service("Svc")).isEmpty();
        assertThat(failureOnBroker(catalog, "DROP SERVICE svc")).hasMessage("line 1, column 1: service 'svc' does not exist (error 15151)");
    }
}
