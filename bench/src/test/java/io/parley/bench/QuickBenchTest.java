package io.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the bench's quick mode end to end against every system the build can start. It checks the
 * shape of the result, never a speed: every case ran on every registered system and on no other,
 * the scale cases ran where they can and at the quick sizes, nothing was lost, the table has every
 * row with figures or dashes in the right columns, and the files are gone afterwards. The bench
 * runs once, for all the tests.
 */
class QuickBenchTest {
    private static final String NUMBER = "-?[0-9,]+";

    @TempDir
    static Path dir;

    private static final StringWriter progress = new StringWriter();
    private static BenchReport report;
    private static String table;
    private static List<String> headings;

    @BeforeAll
    static void runQuick() throws Exception {
        report = new Bench(RunPlan.quick(dir), new Progress(new PrintWriter(progress))).run(Main.SYSTEMS);
        table = ResultTable.render(report);
        headings = cells(table.lines().filter(line -> line.startsWith("| case |")).findFirst().orElseThrow());
    }

    @Test
    void everyCaseRunsOnEverySystemAndEveryMessageSentIsReceived() {
        assertThat(Main.SYSTEMS).containsKeys(Contender.ARTEMIS, Contender.DERBY, Contender.PARLEY, Contender.PARLEY_JMS);
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
        assertThat(progress.toString()).contains("Artemis P3 run 1 of 1", "Derby P4 run 1 of 1",
                "Parley S1 begin: 1,000 dialogs", "Derby S2 fill: 2,000 messages");
        assertThat(dir).isEmptyDirectory();

        assertThat(headings).startsWith("case", "Artemis msgs/s", "Artemis p50", "Artemis p99", "Derby msgs/s");
        for (Scenario scenario : Scenario.values()) {
            assertThat(table).containsOnlyOnce("| " + scenario.title() + " |");
            List<String> row = row(table, scenario.title());
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
        assertThat(table).doesNotContain("LOST");
        assertThat(table).containsPattern("Parley JMS divided by Parley's engine API.*: P1 [0-9.]+×, P2 [0-9.]+×, "
                + "P3 [0-9.]+×, P4 [0-9.]+×\\.");
    }

    @Test
    void theScaleCasesRunAtTheQuickSizesWhereTheyCanAndFillTheirRows() {
        OpenDialogsResult dialogs = report.openDialogs(Contender.PARLEY).orElseThrow();
        assertThat(dialogs.dialogs()).isEqualTo(RunPlan.QUICK_DIALOGS);
        assertThat(dialogs.beginning().messages()).isEqualTo(RunPlan.QUICK_DIALOGS);
        assertThat(dialogs.heapAfterQuarters()).hasSize(5).allSatisfy(used -> assertThat(used).isPositive());
        assertThat(dialogs.sendsWithDialogsOpen().sent()).isEqualTo(RunPlan.QUICK_MESSAGES);
        assertThat(report.openDialogs(Contender.ARTEMIS)).isEmpty();
        assertThat(report.openDialogs(Contender.DERBY)).isEmpty();
        assertThat(report.deepQueue(Contender.PARLEY_JMS)).as("the JMS layer's costs at depth are its engine's").isEmpty();
        for (Contender contender : List.of(Contender.ARTEMIS, Contender.DERBY, Contender.PARLEY)) {
            DeepQueueResult depth = report.deepQueue(contender).orElseThrow();
            assertThat(depth.fill().sent()).as("%s filled", contender).isEqualTo(RunPlan.QUICK_QUEUED);
            assertThat(depth.sendsAtDepth().sent()).isEqualTo(RunPlan.QUICK_MESSAGES);
            assertThat(depth.receivesAtDepth().received()).isEqualTo(RunPlan.QUICK_MESSAGES);
            assertThat(depth.heapAtDepth()).isPositive();
        }
        int artemis = headings.indexOf("Artemis msgs/s");
        int derby = headings.indexOf("Derby msgs/s");
        int parley = headings.indexOf("Parley msgs/s");
        for (String label : List.of("S1 begin 1,000 dialogs", "S1 P1 send with 1,000 dialogs open")) {
            List<String> row = row(table, label);
            assertThat(row).hasSameSizeAs(headings);
            assertThat(row.get(parley)).matches(NUMBER);
            assertThat(row.get(headings.indexOf("Parley p99"))).endsWith(" ms");
            assertThat(row.get(artemis)).isEqualTo("—");
            assertThat(row.get(derby)).isEqualTo("—");
        }
        assertThat(row(table, "S1 heap per open dialog").get(parley)).matches(NUMBER + "(\\.[0-9])? (B|KiB|MiB), (not )?flat");
        for (String label : List.of("S2 fill 2,000 queued", "S2 P1 send with 2,000 queued",
                "S2 receive, a commit each, with 2,000 queued")) {
            List<String> row = row(table, label);
            assertThat(row).hasSameSizeAs(headings);
            assertThat(List.of(row.get(artemis), row.get(derby), row.get(parley))).allMatch(cell -> cell.matches(NUMBER));
            assertThat(row.get(headings.indexOf("Parley/Artemis"))).endsWith("×");
        }
        assertThat(row(table, "S2 heap growth holding 2,000 queued").get(parley)).matches(NUMBER + "(\\.[0-9])? (B|KiB|MiB)");
        assertThat(table).contains("Parley S1 heap: ", "Artemis S2 heap: ");
    }

    private static List<String> row(String table, String labelStart) {
        return cells(table.lines().filter(line -> line.startsWith("| " + labelStart)).findFirst().orElseThrow());
    }

    private static List<String> cells(String row) {
        return Arrays.asList(row.substring(2, row.length() - 2).split(" \\| "));
    }
}
