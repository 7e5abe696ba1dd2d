package io.parley.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The scale cases' part of the {@link ResultTable}: S1's and S2's rows, in the table's columns, and
 * the lines under the table that say how to read them and give each system's heap readings.
 */
final class ScaleRows {
    private ScaleRows() {
    }

    static List<List<String>> rows(BenchReport report) {
        RunPlan plan = report.plan();
        String dialogs = count(plan.dialogs());
        String queued = count(plan.queued());
        return List.of(
                ResultTable.measured("S1 begin " + dialogs + " dialogs, a message on each, "
                        + count(OpenDialogs.PER_COMMIT) + " per commit",
                        contender -> report.openDialogs(contender).map(OpenDialogsResult::beginning), Figure.THROUGHPUT),
                ResultTable.single("S1 heap per open dialog (flat: under "
                        + OpenDialogsResult.FLAT_BYTES_PER_DIALOG + " B)",
                        contender -> report.openDialogs(contender).map(ScaleRows::perDialog)),
                ResultTable.measured("S1 P1 send with " + dialogs + " dialogs open",
                        contender -> report.openDialogs(contender).map(OpenDialogsResult::sendsWithDialogsOpen),
                        Figure.THROUGHPUT),
                ResultTable.measured("S2 fill " + queued + " queued messages, " + DeepQueue.PER_COMMIT + " per commit",
                        contender -> report.deepQueue(contender).map(DeepQueueResult::fill), Figure.THROUGHPUT),
                ResultTable.measured("S2 P1 send with " + queued + " queued",
                        contender -> report.deepQueue(contender).map(DeepQueueResult::sendsAtDepth), Figure.THROUGHPUT),
                ResultTable.measured("S2 receive, a commit each, with " + queued + " queued",
                        contender -> report.deepQueue(contender).map(DeepQueueResult::receivesAtDepth),
                        Figure.THROUGHPUT),
                ResultTable.single("S2 heap growth holding " + queued + " queued",
                        contender -> report.deepQueue(contender).map(result -> Cells.bytes(result.heapGrowth()))));
    }

    static void legend(BenchReport report, StringBuilder out) {
        out.append('\n').append(String.format(Locale.ROOT, """
                S1 and S2 are the issue's scale cases; each runs once, after P1 to P4, on fresh instances. S1 \
                counts dialogs, which Artemis and raw Derby do not have (a queue keeps no state per \
                conversation), so their S1 cells show —. S1's first row gives dialogs begun per second, its \
                p50 and p99 one commit of %,d dialogs. Heap is read after a full GC. The heap per open dialog \
                is the growth from the reading after the first quarter of the dialogs to the reading after the \
                last, divided by the dialogs begun in between, since bounded caches (Derby's page cache) fill \
                during the first quarter; under %d B counts as flat. S2 fills the queue from up to %,d \
                sender sessions in turn, %d messages per commit (in Parley a session is a dialog: a million \
                messages are %,d dialogs of %,d); the fill's p50 and p99 are one commit, and its heap growth is \
                the heap at full depth less the heap before the fill. Heap rows have no ratio, since a growth \
                near zero would make one meaningless.
                """, OpenDialogs.PER_COMMIT, OpenDialogsResult.FLAT_BYTES_PER_DIALOG, DeepQueue.SENDERS,
                DeepQueue.PER_COMMIT, DeepQueue.SENDERS, 1_000_000 / DeepQueue.SENDERS));
        for (Contender contender : Contender.values()) {
            report.openDialogs(contender).ifPresent(result -> out.append(String.format(Locale.ROOT,
                    "%n%s S1 heap: %s before the first dialog, then %s after each quarter; %s per dialog over all "
                            + "%,d.%n", contender.title(), Cells.bytes(result.heapBefore()),
                    result.heapAfterQuarters().stream().skip(1).map(Cells::bytes).collect(Collectors.joining(", ")),
                    Cells.bytes(result.growthPerDialog()), result.dialogs())));
        }
        for (Contender contender : Contender.values()) {
            report.deepQueue(contender).ifPresent(result -> out.append(String.format(Locale.ROOT,
                    "%n%s S2 heap: %s before the fill, %s with %,d queued.%n", contender.title(),
                    Cells.bytes(result.heapBefore()), Cells.bytes(result.heapAtDepth()), result.queued())));
        }
    }

    private static String perDialog(OpenDialogsResult result) {
        return Cells.bytes(result.growthPerDialogAfterFirstQuarter()) + (result.flat() ? ", flat" : ", not flat");
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
