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
                .parseArgs("--quick", "--messages", "300", "--cases", "p1,P4");

        RunPlan plan = main.plan();

        assertThat(plan.messages()).isEqualTo(300);
        assertThat(plan.warmUpMessages()).isEqualTo(30);
        assertThat(plan.runs()).isEqualTo(RunPlan.QUICK_RUNS);
        assertThat(plan.scenarios()).isEqualTo(EnumSet.of(Scenario.P1, Scenario.P4));
    }

    @Test
    void withoutOptionsEveryCaseRunsWithTheDefaultCounts() {
        Main main = new Main();
        new CommandLine(main).parseArgs();

        RunPlan plan = main.plan();

        assertThat(plan.messages()).isEqualTo(RunPlan.DEFAULT_MESSAGES);
        assertThat(plan.runs()).isEqualTo(RunPlan.DEFAULT_RUNS);
        assertThat(plan.scenarios()).isEqualTo(EnumSet.allOf(Scenario.class));
    }

    @Test
    void anImpossibleCountIsAUsageErrorNamingTheOption() {
        int exit = Main.commandLine().setErr(new PrintWriter(err)).execute("--messages", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--messages must be at least 1, was 0");
    }

    @Test
    void anUnknownCaseIsAUsageError() {
        int exit = Main.commandLine().setErr(new PrintWriter(err)).execute("--cases", "P1,P9");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("P9");
    }
}
