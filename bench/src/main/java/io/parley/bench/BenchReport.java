package io.parley.bench;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a bench run measured: when, the plan, the machine, one description per system that took part
 * and every case result, by system and case. A system or case that did not run is simply absent.
 */
public record BenchReport(Instant finished, RunPlan plan, String machine, Map<Contender, String> descriptions,
        Map<Contender, Map<Scenario, CaseResult>> results) {

    public BenchReport {
        descriptions = Map.copyOf(descriptions);
        results = results.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> Map.copyOf(entry.getValue())));
    }

    public Optional<CaseResult> result(Contender contender, Scenario scenario) {
        return Optional.ofNullable(results.getOrDefault(contender, Map.of()).get(scenario));
    }

    public Optional<String> description(Contender contender) {
        return Optional.ofNullable(descriptions.get(contender));
    }
}
