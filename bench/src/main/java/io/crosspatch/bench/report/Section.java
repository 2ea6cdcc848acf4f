package io.crosspatch.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One scenario, baseline or drill in a report: its figures (name → value with a unit), tables, notes, and — for
 * drills — the checks it made. A failed check fails the whole run; figures are only reported.
 */
public final class Section {

    /** A measured number. {@code unit} is free text ("s", "req/s", "ms", "calls/enrollment"). */
    public record Figure(Object value, String unit) {}

    /** A table, e.g. CPU and memory per process. Rows are column → value. */
    public record Table(String title, List<String> columns, List<Map<String, Object>> rows) {}

    /** An exactly-once (or completion) assertion a drill made, and what it saw. */
    public record Check(String name, boolean passed, String detail) {}

    private final String title;
    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();

    Section(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public synchronized Section figure(String name, Object value, String unit) {
        figures.put(name, new Figure(value, unit));
        return this;
    }

    /** Adds every entry of {@code values} as a figure with the same unit (e.g. latency percentiles in ms). */
    public synchronized Section figures(String prefix, Map<String, ?> values, String unit) {
        values.forEach((name, value) -> figures.put(prefix + name, new Figure(value, unit)));
        return this;
    }

    public synchronized Section table(String tableTitle, List<String> columns, List<Map<String, Object>> rows) {
        tables.add(new Table(tableTitle, List.copyOf(columns), List.copyOf(rows)));
        return this;
    }

    public synchronized Section note(String text) {
        notes.add(text);
        return this;
    }

    /** Records a check; returns whether it passed, so a drill can go on collecting the others. */
    public synchronized boolean check(String name, boolean passed, String detail) {
        checks.add(new Check(name, passed, detail));
        return passed;
    }

    public synchronized boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    public synchronized Map<String, Figure> figures() {
        return Map.copyOf(figures);
    }

    /** The value of {@code figure}, or null when the section has no such figure. */
    public synchronized @Nullable Object value(String figure) {
        Figure found = figures.get(figure);
        return found == null ? null : found.value();
    }

    synchronized Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", title);
        Map<String, Object> figureJson = new LinkedHashMap<>();
        figures.forEach((name, figure) -> figureJson.put(name, Map.of("value", figure.value(), "unit", figure.unit())));
        json.put("figures", figureJson);
        json.put("tables", List.copyOf(tables));
        json.put("notes", List.copyOf(notes));
        if (!checks.isEmpty()) {
            json.put("checks", List.copyOf(checks));
            json.put("passed", passed());
        }
        return json;
    }

    synchronized void appendMarkdown(StringBuilder md) {
        md.append("## ").append(title).append("\n\n");
        if (!checks.isEmpty()) {
            md.append(passed() ? "**PASSED**" : "**FAILED**").append("\n\n");
            md.append("| check | result | detail |\n|---|---|---|\n");
            checks.forEach(check -> md.append("| ")
                    .append(check.name())
                    .append(" | ")
                    .append(check.passed() ? "pass" : "**FAIL**")
                    .append(" | ")
                    .append(cell(check.detail()))
                    .append(" |\n"));
            md.append('\n');
        }
        if (!figures.isEmpty()) {
            md.append("| figure | value | unit |\n|---|---:|---|\n");
            figures.forEach((name, figure) -> md.append("| ")
                    .append(name)
                    .append(" | ")
                    .append(Markdown.number(figure.value()))
                    .append(" | ")
                    .append(figure.unit())
                    .append(" |\n"));
            md.append('\n');
        }
        for (Table table : tables) {
            md.append("**").append(table.title()).append("**\n\n");
            md.append("| ").append(String.join(" | ", table.columns())).append(" |\n|");
            table.columns().forEach(column -> md.append("---|"));
            md.append('\n');
            for (Map<String, Object> row : table.rows()) {
                md.append("| ");
                for (String column : table.columns()) {
                    md.append(cell(Markdown.number(row.get(column)))).append(" | ");
                }
                md.append('\n');
            }
            md.append('\n');
        }
        notes.forEach(note -> md.append("- ").append(note).append('\n'));
        if (!notes.isEmpty()) {
            md.append('\n');
        }
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
