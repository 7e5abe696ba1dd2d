package io.parley.bench;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The cases {@code --cases} selects, by name, in any letter case: the messaging cases P1 to P4 and the
 * scale cases S1 and S2.
 */
record Cases(Set<Scenario> scenarios, Set<ScaleCase> scaleCases) {

    /** Every name {@code --cases} takes, for messages that list them. */
    static final String NAMES = Stream.concat(Stream.of(Scenario.values()).map(Enum::name),
            Stream.of(ScaleCase.values()).map(Enum::name)).collect(Collectors.joining(", "));

    static Cases all() {
        return new Cases(EnumSet.allOf(Scenario.class), EnumSet.allOf(ScaleCase.class));
    }

    /** The cases {@code names} name. */
    static Cases named(List<String> names) {
        Set<Scenario> scenarios = EnumSet.noneOf(Scenario.class);
        Set<ScaleCase> scaleCases = EnumSet.noneOf(ScaleCase.class);
        for (String name : names) {
            String key = name.strip().toUpperCase(Locale.ROOT);
            Optional<Scenario> scenario = Stream.of(Scenario.values()).filter(s -> s.name().equals(key)).findFirst();
            Optional<ScaleCase> scaleCase = Stream.of(ScaleCase.values()).filter(s -> s.name().equals(key)).findFirst();
            if (scenario.isEmpty() && scaleCase.isEmpty()) {
                throw new IllegalArgumentException("--cases: there is no case '" + name + "'; the cases are " + NAMES);
            }
            scenario.ifPresent(scenarios::add);
            scaleCase.ifPresent(scaleCases::add);
        }
        return new Cases(scenarios, scaleCases);
    }
}
