package io.parley.server.cli;

import io.parley.store.ViewRows;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints a view's rows as an aligned text table, NULL for nulls, with a row count underneath. */
final class ViewTable {
    private ViewTable() {
    }

    static void print(ViewRows view, PrintWriter out) {
        List<String> header = view.columns();
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
        }
        List<List<String>> cells = new ArrayList<>();
        for (List<String> row : view.rows()) {
            List<String> line = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i) == null ? "NULL" : row.get(i);
                widths[i] = Math.max(widths[i], cell.length());
                line.add(cell);
            }
            cells.add(line);
        }
        out.println(line(header, widths));
        StringBuilder rule = new StringBuilder();
        for (int width : widths) {
            rule.append(rule.length() == 0 ? "" : "  ").append("-".repeat(width));
        }
        out.println(rule);
        for (List<String> row : cells) {
            out.println(line(row, widths));
        }
        out.println("(" + view.rows().size() + (view.rows().size() == 1 ? " row)" : " rows)"));
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                s.append("  ");
            }
            s.append(i == cells.size() - 1 ? cells.get(i) : pad(cells.get(i), widths[i]));
        }
        return s.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
