package io.parley.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A schema script from the classpath, split into statements at semicolons that stand outside
 * string literals and comments. Comment lines are dropped, since not every driver accepts them.
 */
final class SqlScript {
    private SqlScript() {
    }

    /** The statements of the resource, or null when it does not exist. */
    static List<String> load(String resource) {
        try (InputStream in = SqlScript.class.getResourceAsStream(resource)) {
            return in == null ? null : split(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static List<String> split(String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inString = false;
        for (String line : text.split("\n", -1)) {
            if (!inString && line.strip().startsWith("--")) {
                continue;
            }
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\'') {
                    inString = !inString;
                }
                if (c == ';' && !inString) {
                    addIfNotBlank(statements, current);
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            }
            current.append('\n');
        }
        addIfNotBlank(statements, current);
        return statements;
    }

    private static void addIfNotBlank(List<String> statements, StringBuilder sql) {
        String statement = sql.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
    }
}
