package io.parley.bench;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes a {@link BenchReport} as Markdown, ready to paste into {@code docs/performance.md}: a short
 * header saying when, where and with which settings, then one row per case with msgs/s, p50 and p99
 * for each contender and each one's ratio to Artemis, then the scale cases' rows (see
 * {@link ScaleRows}), then a legend. A cell without a measurement holds a dash; nothing is estimated.
 */
final class ResultTable {
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
            row(measured(scenario.title(), contender -> report.result(contender, scenario).map(CaseResult::median),
                    scenario.figure()), out);
        }
        for (List<String> cells : ScaleRows.rows(report)) {
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
        if (!plan.scaleCases().isEmpty()) {
            out.append(String.format(Locale.ROOT, "- Scale: once each, on fresh instances after P1 to P4; "
                    + "S1 opens %,d dialogs, then times %,d sends; S2 queues %,d messages, then times %,d sends "
                    + "and %,d receives%n", plan.dialogs(), plan.sendsWithDialogsOpen(), plan.queued(),
                    plan.probesAtDepth(), plan.probesAtDepth()));
        }
        for (Contender contender : Contender.values()) {
            out.append("- ").append(contender.title()).append(": ")
                    .append(report.description(contender).orElse("not measured in this run"))
                    .append('\n');
        }
    }

    static List<String> headings() {
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

    /** A row of rates and latencies: each contender's figures and its ratio to the peer by {@code figure}. */
    static List<String> measured(String label, Function<Contender, Optional<Measurement>> figures, Figure figure) {
        List<String> cells = new ArrayList<>(List.of(label));
        Optional<Measurement> peer = figures.apply(Contender.PEER);
        for (Contender contender : Contender.values()) {
            Optional<Measurement> measurement = figures.apply(contender);
            cells.add(measurement.map(m -> Cells.rate(m.messagesPerSecond())).orElse(Cells.NONE));
            cells.add(measurement.map(m -> Cells.latency(m.p50())).orElse(Cells.NONE));
            cells.add(measurement.map(m -> Cells.latency(m.p99())).orElse(Cells.NONE));
            if (contender != Contender.PEER) {
                cells.add(measurement.flatMap(m -> peer.map(p -> Cells.ratio(figure.ratio(m, p)))).orElse(Cells.NONE));
            }
        }
        return cells;
    }

    /**
     * A row with one figure per contender, in its first column, and no latency or ratio: a heap size,
     * which has no rate and whose ratio would mean nothing where the peer's figure is near zero.
     */
    static List<String> single(String label, Function<Contender, Optional<String>> figure) {
        List<String> cells = new ArrayList<>(List.of(label));
        for (Contender contender : Contender.values()) {
            cells.add(figure.apply(contender).orElse(Cells.NONE));
            cells.add(Cells.NONE);
            cells.add(Cells.NONE);
            if (contender != Contender.PEER) {
                cells.add(Cells.NONE);
            }
        }
        return cells;
    }

    private static void legend(BenchReport report, StringBuilder out) {
        out.append("Ratios divide by Artemis: msgs/s in P1 to P3 (Parley's targets: at least 1.2×, 1.2×, 1.1×), ")
                .append("p50 latency in P4 (target: at most 1.0×). Latency is one send transaction in P1 to P3 ")
                .append("(P2: 100 sends and the commit; P3: the producer's) and send to receive in P4, whose msgs/s ")
                .append("are round trips. — means not measured.\n");
        jmsLayer(report, out);
        ScaleRows.legend(report, out);
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

    /**
     * The JMS provider's cost over the engine it runs on, case by case, by each case's own figure: the issue allows
     * at most 10 % (throughput at least 0.91× of the engine's, P4 latency at most 1.10×).
     */
    private static void jmsLayer(BenchReport report, StringBuilder out) {
        List<String> ratios = new ArrayList<>();
        for (Scenario scenario : Scenario.values()) {
            report.result(Contender.PARLEY_JMS, scenario).map(CaseResult::median).ifPresent(jms ->
                    report.result(Contender.PARLEY, scenario).map(CaseResult::median).ifPresent(engine ->
                            ratios.add(scenario.name() + " " + Cells.ratio(scenario.figure().ratio(jms, engine)))));
        }
        if (!ratios.isEmpty()) {
            out.append("\nParley JMS divided by Parley's engine API, by the same figures (at most 10 % overhead: ")
                    .append("at least 0.91× in P1 to P3, at most 1.10× in P4): ").append(String.join(", ", ratios))
                    .append(".\n");
        }
    }

    private static void row(List<String> cells, StringBuilder out) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
