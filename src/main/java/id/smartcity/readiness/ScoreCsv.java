package id.smartcity.readiness;

import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.problem.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the bulk score entry from CSV (RFC 4180, UTF-8, CRLF or LF): a header row naming at least
 * the columns {@code indicator} and {@code score}, and optionally {@code evidence} and {@code links}
 * (space separated); other columns are ignored, so the export of a result ({@link ReadinessCsv})
 * reads back, its {@code INDEX} row included (skipped). A row with an empty score leaves its
 * indicator unscored. Every bad row is reported at once, by its line number.
 */
final class ScoreCsv {

    private static final Pattern SCORE = Pattern.compile("\\d{1,4}(\\.\\d{1,10})?");

    private ScoreCsv() {}

    /** The rows that score an indicator, and what is wrong with the others (by line). */
    record Parsed(List<BulkScoring.Entry> entries, List<Problem.FieldError> errors) {}

    /** 400 only when there is no usable header; bad rows are returned, to be reported with the rest. */
    static Parsed read(String body) {
        List<List<String>> rows = parse(body == null ? "" : body.replace("\uFEFF", ""));
        if (rows.isEmpty()) {
            throw ApiException.invalid("line 1", "must be a header naming the columns indicator and score");
        }
        List<String> header =
                rows.get(0).stream().map(h -> h.strip().toLowerCase()).toList();
        int indicator = header.indexOf("indicator");
        int score = header.indexOf("score");
        int evidence = header.indexOf("evidence");
        int links = header.indexOf("links");
        int pillar = header.indexOf("pillar");
        if (indicator < 0 || score < 0) {
            throw ApiException.invalid("line 1", "must be a header naming the columns indicator and score");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        List<BulkScoring.Entry> entries = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String at = "line " + (r + 1);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            String code = cell(row, indicator);
            String value = cell(row, score);
            if (code == null && pillar >= 0 && "INDEX".equals(cell(row, pillar))) {
                continue; // the export's summary row
            }
            if (code == null) {
                errors.add(new Problem.FieldError(at + ".indicator", "is required"));
                continue;
            }
            String text = cell(row, evidence);
            String linkCell = cell(row, links);
            List<String> linkList = linkCell == null
                    ? List.of()
                    : Arrays.asList(linkCell.strip().split("\\s+"));
            if (value == null) {
                if (text != null || linkCell != null) {
                    errors.add(new Problem.FieldError(
                            at + ".score", "indicator " + code + ": is required with evidence or links"));
                }
                continue;
            }
            if (!SCORE.matcher(value.strip()).matches()) {
                errors.add(new Problem.FieldError(
                        at + ".score", "indicator " + code + ": must be a decimal number such as 3.25, not " + value));
                continue;
            }
            entries.add(new BulkScoring.Entry(at, code, new BigDecimal(value.strip()), text, linkList));
        }
        return new Parsed(entries, errors);
    }

    /** The cell, null when absent or blank; the export's formula guard (a leading ') undone. */
    private static String cell(List<String> row, int column) {
        if (column < 0 || column >= row.size() || row.get(column).isBlank()) {
            return null;
        }
        String v = row.get(column);
        if (v.length() > 1 && v.charAt(0) == '\'' && "=+-@\t\r".indexOf(v.charAt(1)) >= 0) {
            return v.substring(1);
        }
        return v;
    }

    /** RFC 4180 records: quoted fields may hold commas, quotes (doubled) and line breaks. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                any = false;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw ApiException.invalid("line " + (rows.size() + 1), "has a quoted field that is never closed");
        }
        if (any) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
