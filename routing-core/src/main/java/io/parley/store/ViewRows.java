package io.parley.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows of one management view as text, with column names in view order; nulls stay null.
 * Small and detached from JDBC so the CLI and tests can print and compare them.
 */
public record ViewRows(String view, List<String> columns, List<List<String>> rows) {
    public ViewRows {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> Collections.unmodifiableList(new ArrayList<>(r))).toList();
    }
}
