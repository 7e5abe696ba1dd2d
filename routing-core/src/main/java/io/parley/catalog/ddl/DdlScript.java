package io.parley.catalog.ddl;

import io.parley.catalog.Catalog;
import java.util.List;

/**
 * A whole DDL script, parsed before any of it runs, and applied all or nothing: statements fold
 * over the catalog one by one, and the first failure throws before any result exists, so the
 * caller, who stores only the final snapshot, is left with the catalog it started from.
 * {@link #run(String, Catalog, ExecutionContext)} does both steps.
 */
public final class DdlScript {
    private final List<DdlStatement> statements;

    private DdlScript(List<DdlStatement> statements) {
        this.statements = statements;
    }

    /**
     * Parses {@code text} completely.
     *
     * @throws DdlException for the first syntax error or malformed value
     */
    public static DdlScript parse(String text) {
        return new DdlScript(DdlParser.parse(text));
    }

    /**
     * Parses {@code text} and applies it to {@code catalog}.
     *
     * @return the catalog after every statement
     * @throws DdlException for the first syntax error anywhere, or the first statement that fails
     */
    public static Catalog run(String text, Catalog catalog, ExecutionContext context) {
        return parse(text).applyTo(catalog, context);
    }

    public List<DdlStatement> statements() {
        return statements;
    }

    /**
     * Applies every statement in order.
     *
     * @return the catalog after the last statement
     * @throws DdlException for the first statement that fails, at that statement's position
     */
    public Catalog applyTo(Catalog catalog, ExecutionContext context) {
        Catalog result = catalog;
        for (DdlStatement statement : statements) {
            result = DdlExecutor.apply(result, statement, context);
        }
        return result;
    }
}
