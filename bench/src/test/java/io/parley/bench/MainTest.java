package io.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    private final StringWriter err = new StringWriter();

    @Test
    void quickGivesTinyCountsAndExplicitOptionsWin() {
        Main main = new Main();
        new CommandLine(main).setCaseInsensitiveEnumValuesAllowed(true)
                .parseArgs("--quick", "--messages", "300", "--cases", "p1,P4", "--queued", "5000");

        RunPlan plan = main.plan();

        assertThat(plan.messages()).isEqualTo(300);
        assertThat(plan.warmUpMessages()).isEqualTo(30);
        assertThat(plan.runs()).isEqualTo(RunPlan.QUICK_RUNS);
        assertThat(plan.dialogs()).isEqualTo(RunPlan.QUICK_DIALOGS);
        assertThat(plan.queued()).isEqualTo(5000);
        assertThat(plan.scenarios()).isEqualTo(EnumSet.of(Scenario.P1, Scenario.P4));
        assertThat(plan.scaleCases()).isEmpty();
    }

    @Test
    void withoutOptionsEveryCaseRunsWithTheDefaultCounts() {
        Main main = new Main();
        new CommandLine(main).parseArgs();

        RunPlan plan = main.plan();

        assertThat(plan.messages()).isEqualTo(RunPlan.DEFAULT_MESSAGES);
        assertThat(plan.runs()).isEqualTo(RunPlan.DEFAULT_RUNS);
        assertThat(plan.scenarios()).isEqualTo(EnumSet.allOf(Scenario.class));
        assertThat(plan.scaleCases()).isEqualTo(EnumSet.allOf(ScaleCase.class));
        assertThat(plan.dialogs()).isEqualTo(100_000);
        assertThat(plan.queued()).isEqualTo(1_000_000);
        assertThat(plan.sendsWithDialogsOpen()).isEqualTo(1_000);
        assertThat(plan.probesAtDepth()).isEqualTo(2_000);
    }

    @Test
    void scaleCasesAreSelectedByNameAloneOrBesideTheOthers() {
        Main main = new Main();
        new CommandLine(main).parseArgs("--cases", "s2,P3", "--dialogs", "40");

        RunPlan plan = main.plan();

        assertThat(plan.scenarios()).isEqualTo(EnumSet.of(Scenario.P3));
        assertThat(plan.scaleCases()).isEqualTo(EnumSet.of(ScaleCase.S2));
        assertThat(plan.dialogs()).isEqualTo(40);
    }

    @Test
    void fewerMessagesPerRunAlsoShortenTheTimingsAtScale() {
        Main main = new Main();
        new CommandLine(main).parseArgs("--messages", "1500");

        RunPlan plan = main.plan();

        assertThat(plan.sendsWithDialogsOpen()).isEqualTo(1_000);
        assertThat(plan.probesAtDepth()).isEqualTo(1_500);
    }

    @Test
    void anImpossibleCountIsAUsageErrorNamingTheOption() {
        int exit = Main.commandLine().setErr(new PrintWriter(err)).execute("--messages", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--messages must be at least 1, was 0");
    }

    @Test
    void tooFewDialogsForTheHeapReadingsIsAUsageError() {
        int exit = Main.commandLine().setErr(new PrintWriter(err)).execute("--dialogs", "3");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--dialogs must be at least 4").contains("was 3");
    }

    @Test
    void noQueuedMessagesIsAUsageError() {
        int exit = Main.commandLine().setErr(new PrintWriter(err)).execute("--queued", "-5");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--queued must be at least 1, was -5");
    }

    @Test
    void aCountThatIsNoNumberIsAUsageErrorNamingTheOption() {
        int exit = Main.commandLine().setErr(new PrintWriter(err)).execute("--queued", "1e6");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--queued").contains("1e6");
    }

    @Test
    void anUnknownCaseIsAUsageErrorListingTheCases() {
        int exit = Main.commandLine().setErr(new PrintWriter(err)).execute("--cases", "P1,S9");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("'S9'").contains("P1, P2, P3, P4, S1, S2");
    }
}
