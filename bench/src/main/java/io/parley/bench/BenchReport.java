package io.parley.bench;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a bench run measured: when, the plan, the machine, one description per system that took part,
 * every case result by system and case, and the scale cases' results by system. A system or case
 * that did not run is simply absent.
 */
public record BenchReport(Instant finished, RunPlan plan, String machine, Map<Contender, String> descriptions,
        Map<Contender, Map<Scenario, CaseResult>> results, Map<Contender, OpenDialogsResult> openDialogs,
        Map<Contender, DeepQueueResult> deepQueues) {

    public BenchReport {
        descriptions = Map.copyOf(descriptions);
        results = results.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> Map.copyOf(entry.getValue())));
        openDialogs = Map.copyOf(openDialogs);
        deepQueues = Map.copyOf(deepQueues);
    }

    public Optional<CaseResult> result(Contender contender, Scenario scenario) {
        return Optional.ofNullable(results.getOrDefault(contender, Map.of()).get(scenario));
    }

    public Optional<OpenDialogsResult> openDialogs(Contender contender) {
        return Optional.ofNullable(openDialogs.get(contender));
    }

    public Optional<DeepQueueResult> deepQueue(Contender contender) {
        return Optional.ofNullable(deepQueues.get(contender));
    }

    public Optional<String> description(Contender contender) {
        return Optional.ofNullable(descriptions.get(contender));
    }
}
