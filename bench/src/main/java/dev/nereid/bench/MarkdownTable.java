package dev.nereid.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A result table as GitHub Markdown, columns padded so it also reads as plain text in a terminal.
 * docs/performance.md quotes these tables as printed.
 */
public final class MarkdownTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public MarkdownTable(String... header) {
        this.header = List.of(header);
    }

    public MarkdownTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        rows.add(List.of(cells));
        return this;
    }

    /** A rate with thousands separators and no decimals: {@code 1,234,567}. */
    public static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    /** A rate and its JMH 99.9% error: {@code 1,234 ± 56}. */
    public static String rate(double perSecond, double error) {
        return Double.isNaN(error) ? rate(perSecond) : rate(perSecond) + " ± " + rate(error);
    }

    public static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    public static String decimal(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    @Override
    public String toString() {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Math.max(3, header.get(c).length());
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths);
        out.append('|');
        for (int width : widths) {
            out.append('-').append("-".repeat(width)).append("-|");
        }
        out.append('\n');
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            out.append(' ').append(cell).append(" ".repeat(widths[c] - cell.length())).append(" |");
        }
        out.append('\n');
    }
}
