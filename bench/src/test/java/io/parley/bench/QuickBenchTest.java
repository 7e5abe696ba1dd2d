package io.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the bench's quick mode end to end against every system the build can start. It checks the
 * shape of the result, never a speed: every case ran on every registered system and on no other,
 * nothing was lost, the table has every row with figures or dashes in the right columns, and the
 * files are gone afterwards.
 */
class QuickBenchTest {
    @TempDir
    Path dir;

    @Test
    void everyCaseRunsOnEverySystemAndEveryMessageSentIsReceived() throws Exception {
        StringWriter progress = new StringWriter();

        BenchReport report = new Bench(RunPlan.quick(dir), new Progress(new PrintWriter(progress))).run(Main.SYSTEMS);

        assertThat(Main.SYSTEMS).containsKeys(Contender.ARTEMIS, Contender.DERBY);
        for (Contender contender : Contender.values()) {
            boolean registered = Main.SYSTEMS.containsKey(contender);
            assertThat(report.description(contender).isPresent()).as("%s described", contender).isEqualTo(registered);
            for (Scenario scenario : Scenario.values()) {
                if (!registered) {
                    assertThat(report.result(contender, scenario)).isEmpty();
                    continue;
                }
                CaseResult result = report.result(contender, scenario).orElseThrow();
                assertThat(result.runs()).hasSize(RunPlan.QUICK_RUNS);
                assertThat(result.sent()).as("%s %s sent", contender, scenario).isEqualTo(RunPlan.QUICK_MESSAGES);
                assertThat(result.received()).as("%s %s received", contender, scenario).isEqualTo(result.sent());
                assertThat(result.median().messagesPerSecond()).isPositive();
                assertThat(result.median().p99()).isGreaterThanOrEqualTo(result.median().p50());
            }
        }
        assertThat(progress.toString()).contains("Artemis P3 run 1 of 1", "Derby P4 run 1 of 1");
        assertThat(dir).isEmptyDirectory();

        String table = ResultTable.render(report);
        List<String> headings = cells(table.lines().filter(line -> line.startsWith("| case |")).findFirst().orElseThrow());
        assertThat(headings).startsWith("case", "Artemis msgs/s", "Artemis p50", "Artemis p99", "Derby msgs/s");
        for (Scenario scenario : Scenario.values()) {
            assertThat(table).containsOnlyOnce("| " + scenario.title() + " |");
            List<String> row = cells(table.lines().filter(line -> line.startsWith("| " + scenario.title() + " |"))
                    .findFirst().orElseThrow());
            assertThat(row).hasSameSizeAs(headings);
            for (Contender contender : Contender.values()) {
                String rate = row.get(headings.indexOf(contender.title() + " msgs/s"));
                if (Main.SYSTEMS.containsKey(contender)) {
                    assertThat(rate).matches("[0-9,]+");
                } else {
                    assertThat(rate).isEqualTo("—");
                }
            }
            assertThat(row.get(headings.indexOf("Derby/Artemis"))).endsWith("×");
        }
        for (String scale : ResultTable.SCALE_CASES) {
            assertThat(table).contains("| " + scale + " | — |");
        }
        assertThat(table).doesNotContain("LOST");
    }

    private static List<String> cells(String row) {
        return Arrays.asList(row.substring(2, row.length() - 2).split(" \\| "));
    }
}
