package io.parley.catalog.ddl;

import io.parley.catalog.CatalogException;
import java.util.List;

/**
 * A DDL script that cannot be applied: a syntax error, a value of the wrong form, or a statement
 * that breaks a rule against the catalog it runs on. The message is one line,
 * {@code line 3, column 8: <what is wrong>}, naming the objects involved, which
 * {@link #objectNames()} also lists; {@link #errorNumber()} is the SQL Server error number of the
 * same condition where one exists, else 0. When a script fails, nothing of it has been applied.
 */
public final class DdlException extends CatalogException {
    private final SourcePosition position;
    private final String problem;
    private final List<String> objectNames;

    private DdlException(SourcePosition position, int errorNumber, String problem, List<String> objectNames) {
        super(errorNumber, position + ": " + problem + (errorNumber == 0 ? "" : " (error " + errorNumber + ")"));
        this.position = position;
        this.problem = problem;
        this.objectNames = List.copyOf(objectNames);
    }

    /** A syntax error or malformed value at {@code position}. */
    static DdlException syntax(SourcePosition position, String problem) {
        return new DdlException(position, 0, problem, List.of());
    }

    /** A problem with the named objects at {@code position}. */
    static DdlException at(SourcePosition position, int errorNumber, String problem, String... objectNames) {
        return new DdlException(position, errorNumber, problem, List.of(objectNames));
    }

    /** A statement that breaks a rule; the position is the statement's. */
    static DdlException rejected(DdlStatement statement, int errorNumber, String problem, String... objectNames) {
        return at(statement.position(), errorNumber, problem, objectNames);
    }

    /** A rule of the catalog's own types, reported at the statement that broke it. */
    static DdlException wrapping(DdlStatement statement, CatalogException cause) {
        DdlException wrapped = new DdlException(statement.position(), cause.errorNumber(), cause.getMessage(),
                List.of(statement.name()));
        wrapped.initCause(cause);
        return wrapped;
    }

    public SourcePosition position() {
        return position;
    }

    public int line() {
        return position.line();
    }

    public int column() {
        return position.column();
    }

    /** What is wrong, without the position prefix. */
    public String problem() {
        return problem;
    }

    /** The names of the objects the error is about, the statement's own object first; empty for syntax errors. */
    public List<String> objectNames() {
        return objectNames;
    }
}
