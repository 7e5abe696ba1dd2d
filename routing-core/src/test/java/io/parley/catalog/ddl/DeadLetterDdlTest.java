package io.parley.catalog.ddl;

import static io.parley.catalog.ddl.Scripts.failureOnBroker;
import static io.parley.catalog.ddl.Scripts.onBroker;
import static io.parley.catalog.ddl.Scripts.parseFailure;
import static io.parley.catalog.ddl.Scripts.parseOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.catalog.Catalog;
import io.parley.catalog.ServiceQueue;
import io.parley.catalog.ServiceQueue.DeadLetterPolicy;
import io.parley.catalog.ddl.QueueStatement.DeadLetter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Parley's {@code DEAD_LETTER ( … )} queue option: grammar, defaults, references and drops. */
class DeadLetterDdlTest {
    private static final String QUEUES = "CREATE QUEUE DeadQ; CREATE QUEUE OtherDeadQ;";

    @Test
    void readsTheDeadLetterOptionInAnyOrderWithAQualifiedQueue() {
        QueueStatement.Create create = (QueueStatement.Create) parseOne(
                "CREATE QUEUE q WITH STATUS = ON, DEAD_LETTER (QUEUE = AW.dbo.DeadQ, MAX_DELIVERIES = 10)");

        assertThat(create.options().deadLetter()).contains(new DeadLetter(Optional.of(10), Optional.of("DeadQ")));
        assertThat(create.options().dropDeadLetter()).isFalse();
    }

    @Test
    void readsDeadLetterDropInAlterQueue() {
        QueueStatement.Alter alter = (QueueStatement.Alter) parseOne("ALTER QUEUE q WITH DEAD_LETTER (DROP)");

        assertThat(alter.options().dropDeadLetter()).isTrue();
        assertThat(alter.options().deadLetter()).isEmpty();
    }

    @Test
    void refusesDeadLetterDropOnCreateAndMalformedSettings() {
        assertThat(parseFailure("CREATE QUEUE q WITH DEAD_LETTER (DROP)")).hasMessage("line 1, column 34:"
                + " DEAD_LETTER (DROP) belongs to ALTER QUEUE; a queue created without DEAD_LETTER has none");
        assertThat(parseFailure("CREATE QUEUE q WITH DEAD_LETTER (MAX_DELIVERIES = 0, QUEUE = d)"))
                .hasMessage("line 1, column 51: MAX_DELIVERIES 0 is outside 1..2147483647");
        assertThat(parseFailure("CREATE QUEUE q WITH DEAD_LETTER (QUEUE = d, QUEUE = e)"))
                .hasMessage("line 1, column 45: QUEUE is given twice");
        assertThat(parseFailure("ALTER QUEUE q WITH DEAD_LETTER (DROP), DEAD_LETTER (QUEUE = d)"))
                .hasMessage("line 1, column 40: DEAD_LETTER is given twice");
    }

    @Test
    void createsAQueueWithADeadLetterPolicy() {
        Catalog catalog = onBroker(QUEUES + "CREATE QUEUE q WITH DEAD_LETTER (MAX_DELIVERIES = 3, QUEUE = dbo.DeadQ)");

        assertThat(catalog.queue("q")).contains(new ServiceQueue("q", true, false, true, false, 0, null,
                new DeadLetterPolicy(3, "DeadQ")));
        assertThat(catalog.queue("DeadQ").orElseThrow().deadLetter()).isNull();
    }

    @Test
    void altersOnlyTheNamedDeadLetterSettingAndDropsThePolicy() {
        Catalog catalog = onBroker(QUEUES + "CREATE QUEUE q WITH DEAD_LETTER (MAX_DELIVERIES = 3, QUEUE = DeadQ)");

        Catalog fewer = onBroker(catalog, "ALTER QUEUE q WITH DEAD_LETTER (MAX_DELIVERIES = 2)");
        Catalog moved = onBroker(catalog, "ALTER QUEUE q WITH DEAD_LETTER (QUEUE = OtherDeadQ), RETENTION = ON");
        Catalog dropped = onBroker(catalog, "ALTER QUEUE q WITH DEAD_LETTER (DROP)");

        assertThat(fewer.queue("q").orElseThrow().deadLetter()).isEqualTo(new DeadLetterPolicy(2, "DeadQ"));
        assertThat(moved.queue("q").orElseThrow().deadLetter()).isEqualTo(new DeadLetterPolicy(3, "OtherDeadQ"));
        assertThat(moved.queue("q").orElseThrow().retention()).isTrue();
        assertThat(dropped.queue("q")).contains(ServiceQueue.withDefaults("q"));
        assertThat(onBroker(QUEUES + "CREATE QUEUE q; ALTER QUEUE q WITH DEAD_LETTER (DROP)").queue("q"))
                .contains(ServiceQueue.withDefaults("q"));
    }

    @Test
    void refusesADeadLetterQueueThatDoesNotExist() {
        DdlException e = failureOnBroker("CREATE QUEUE q WITH DEAD_LETTER (MAX_DELIVERIES = 3, QUEUE = Missing)");

        assertThat(e).hasMessage("line 1, column 1: queue 'q' names dead-letter queue 'Missing', which does not exist"
                + " (error 15151)");
        assertThat(e.objectNames()).containsExactly("q", "Missing");
        assertThat(failureOnBroker(onBroker(QUEUES + "CREATE QUEUE q WITH DEAD_LETTER (MAX_DELIVERIES = 3, QUEUE = DeadQ)"),
                "ALTER QUEUE q WITH DEAD_LETTER (QUEUE = Gone)").problem())
                .isEqualTo("queue 'q' names dead-letter queue 'Gone', which does not exist");
    }

    @Test
    void refusesANewPolicyWithoutBothSettingsAndAQueueAsItsOwnDeadLetterQueue() {
        assertThat(failureOnBroker(QUEUES + "CREATE QUEUE q WITH DEAD_LETTER (QUEUE = DeadQ)"))
                .hasMessage("line 1, column 45: queue 'q' has no dead-letter policy yet, so DEAD_LETTER ( … ) must give"
                        + " both MAX_DELIVERIES and QUEUE");
        assertThat(failureOnBroker(QUEUES + "CREATE QUEUE q; ALTER QUEUE q WITH DEAD_LETTER (MAX_DELIVERIES = 4)")
                .problem()).isEqualTo("queue 'q' has no dead-letter policy yet, so DEAD_LETTER ( … ) must give both"
                        + " MAX_DELIVERIES and QUEUE");
        assertThat(failureOnBroker("CREATE QUEUE q; ALTER QUEUE q WITH DEAD_LETTER (MAX_DELIVERIES = 4, QUEUE = q)")
                .problem()).isEqualTo("queue 'q' cannot be its own dead-letter queue: its dead letters would never leave it");
    }

    @Test
    void refusesToDropAQueueThatIsADeadLetterQueueNamingItsUsers() {
        Catalog catalog = onBroker(QUEUES + """
                CREATE QUEUE a WITH DEAD_LETTER (MAX_DELIVERIES = 3, QUEUE = DeadQ);
                CREATE QUEUE b WITH DEAD_LETTER (MAX_DELIVERIES = 5, QUEUE = DeadQ);
                CREATE QUEUE c WITH DEAD_LETTER (MAX_DELIVERIES = 5, QUEUE = OtherDeadQ);""");

        DdlException two = failureOnBroker(catalog, "DROP QUEUE DeadQ");
        DdlException one = failureOnBroker(catalog, "DROP QUEUE dbo.OtherDeadQ");

        assertThat(two).hasMessage("line 1, column 1: queue 'DeadQ' cannot be dropped: it is the dead-letter queue of"
                + " queues 'a', 'b'");
        assertThat(two.objectNames()).containsExactly("DeadQ", "a", "b");
        assertThat(one.problem()).isEqualTo("queue 'OtherDeadQ' cannot be dropped: it is the dead-letter queue of queue 'c'");
        assertThat(onBroker(catalog, "ALTER QUEUE c WITH DEAD_LETTER (DROP); DROP QUEUE OtherDeadQ").queue("OtherDeadQ"))
                .isEmpty();
        assertThat(onBroker(catalog, "DROP QUEUE a; DROP QUEUE b; DROP QUEUE DeadQ").queue("DeadQ")).isEmpty();
    }
}
