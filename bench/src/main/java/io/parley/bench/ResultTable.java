package io.parley.bench;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a {@link BenchReport} as Markdown, ready to paste into {@code docs/performance.md}: a short
 * header saying when, where and with which settings, then one row per case with msgs/s, p50 and p99
 * for each contender and each one's ratio to Artemis, then a legend. A cell without a measurement
 * holds a dash; nothing is estimated.
 */
final class ResultTable {
    /**
     * The scale cases count dialogs, which only Parley has; they are listed so the gap
     * stays visible until the dialog engine measures them.
     */
    static final List<String> SCALE_CASES = List.of(
            "scale: 100,000 open dialogs, heap flat",
            "scale: 1,000,000 queued messages");

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ResultTable() {
    }

    static String render(BenchReport report) {
        StringBuilder out = new StringBuilder();
        header(report, out);
        out.append('\n');
        row(headings(), out);
        row(alignment(), out);
        for (Scenario scenario : Scenario.values()) {
            row(cells(report, scenario), out);
        }
        for (String scale : SCALE_CASES) {
            List<String> cells = new ArrayList<>(List.of(scale));
            while (cells.size() < headings().size()) {
                cells.add(Cells.NONE);
            }
            row(cells, out);
        }
        out.append('\n');
        legend(report, out);
        return out.toString();
    }

    private static void header(BenchReport report, StringBuilder out) {
        RunPlan plan = report.plan();
        out.append("Parley bench, ").append(WHEN.format(report.finished())).append("\n\n");
        out.append("- Machine: ").append(report.machine()).append('\n');
        out.append(String.format(Locale.ROOT,
                "- Load: %,d-byte durable messages; per case %,d warm-up messages, then the median of %d run%s of %,d%n",
                Scenario.BODY_BYTES, plan.warmUpMessages(), plan.runs(), plan.runs() == 1 ? "" : "s",
                plan.messages()));
        for (Contender contender : Contender.values()) {
            out.append("- ").append(contender.title()).append(": ")
                    .append(report.description(contender).orElse("not measured in this run"))
                    .append('\n');
        }
    }

    private static List<String> headings() {
        List<String> headings = new ArrayList<>(List.of("case"));
        for (Contender contender : Contender.values()) {
            headings.add(contender.title() + " msgs/s");
            headings.add(contender.title() + " p50");
            headings.add(contender.title() + " p99");
            if (contender != Contender.PEER) {
                headings.add(contender.title() + "/" + Contender.PEER.title());
            }
        }
        return headings;
    }

    private static List<String> alignment() {
        List<String> cells = new ArrayList<>(List.of("---"));
        while (cells.size() < headings().size()) {
            cells.add("---:");
        }
        return cells;
    }

    private static List<String> cells(BenchReport report, Scenario scenario) {
        List<String> cells = new ArrayList<>(List.of(scenario.title()));
        Optional<Measurement> peer = report.result(Contender.PEER, scenario).map(CaseResult::median);
        for (Contender contender : Contender.values()) {
            Optional<Measurement> median = report.result(contender, scenario).map(CaseResult::median);
            cells.add(median.map(m -> Cells.rate(m.messagesPerSecond())).orElse(Cells.NONE));
            cells.add(median.map(m -> Cells.latency(m.p50())).orElse(Cells.NONE));
            cells.add(median.map(m -> Cells.latency(m.p99())).orElse(Cells.NONE));
            if (contender != Contender.PEER) {
                cells.add(median.flatMap(m -> peer.map(p -> Cells.ratio(scenario.figure().ratio(m, p))))
                        .orElse(Cells.NONE));
            }
        }
        return cells;
    }

    private static void legend(BenchReport report, StringBuilder out) {
        out.append("Ratios divide by Artemis: msgs/s in P1 to P3 (Parley's targets: at least 1.2×, 1.2×, 1.1×), ")
                .append("p50 latency in P4 (target: at most 1.0×). Latency is one send transaction in P1 to P3 ")
                .append("(P2: 100 sends and the commit; P3: the producer's) and send to receive in P4, whose msgs/s ")
                .append("are round trips. — means not measured.\n");
        for (Contender contender : Contender.values()) {
            for (Scenario scenario : Scenario.values()) {
                report.result(contender, scenario)
                        .filter(result -> result.received() != result.sent())
                        .ifPresent(result -> out.append(String.format(Locale.ROOT,
                                "%nLOST MESSAGES: %s %s sent %,d and received %,d.%n",
                                contender.title(), scenario.name(), result.sent(), result.received())));
            }
        }
    }

    private static void row(List<String> cells, StringBuilder out) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
