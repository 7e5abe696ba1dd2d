package io.parley.catalog.ddl;

/**
 * Where something starts in a DDL script: a 1-based line and a 1-based column counted in UTF-16
 * characters, a tab counting as one. {@link #toString()} gives the {@code line 3, column 8} prefix
 * that every {@link DdlException} message starts with.
 */
public record SourcePosition(int line, int column) {

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
