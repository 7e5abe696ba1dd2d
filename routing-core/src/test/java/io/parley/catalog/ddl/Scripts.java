package io.parley.catalog.ddl;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.parley.catalog.Catalog;
import java.time.Instant;
import java.util.List;

/** Runs test scripts at a fixed time against broker or node stores. */
final class Scripts {
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    static final ExecutionContext BROKER = ExecutionContext.brokerStore(NOW);
    static final ExecutionContext NODE = ExecutionContext.nodeStore(NOW);

    private Scripts() {
    }

    static Catalog onBroker(String script) {
        return DdlScript.run(script, Catalog.initial(), BROKER);
    }

    static Catalog onBroker(Catalog catalog, String script) {
        return DdlScript.run(script, catalog, BROKER);
    }

    static Catalog onNode(String script) {
        return DdlScript.run(script, Catalog.initial(), NODE);
    }

    static Catalog onNode(Catalog catalog, String script) {
        return DdlScript.run(script, catalog, NODE);
    }

    static DdlException failureOnBroker(Catalog catalog, String script) {
        return catchThrowableOfType(DdlException.class, () -> onBroker(catalog, script));
    }

    static DdlException failureOnBroker(String script) {
        return failureOnBroker(Catalog.initial(), script);
    }

    static DdlException failureOnNode(Catalog catalog, String script) {
        return catchThrowableOfType(DdlException.class, () -> onNode(catalog, script));
    }

    static DdlException parseFailure(String script) {
        return catchThrowableOfType(DdlException.class, () -> DdlParser.parse(script));
    }

    /** The single statement of {@code script}. */
    static DdlStatement parseOne(String script) {
        List<DdlStatement> statements = DdlParser.parse(script);
        if (statements.size() != 1) {
            throw new AssertionError("expected one statement, got " + statements);
        }
        return statements.get(0);
    }
}
