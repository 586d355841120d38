package id.smartcity.platform.http;

import java.io.IOException;
import java.io.Writer;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The columns of a CSV export of {@code T}, each a header name and the function that gives its
 * cell, defined together so a name and its value cannot drift apart. {@link Csv} writes the lines.
 *
 * <p>A cell is the function's value as text: {@code null} is an empty cell, an enum its {@code
 * name()}, a string itself, and an integer, boolean, UUID or time its {@code toString()}. Any other
 * type is refused (a record's {@code toString()} is no cell): the function converts it, e.g. with
 * {@code .exact()} of an {@link ExactDecimal}.
 */
public final class CsvColumns<T> {

    private final List<String> names;
    private final List<Function<? super T, ?>> values;

    private CsvColumns(List<String> names, List<Function<? super T, ?>> values) {
        this.names = List.copyOf(names);
        this.values = List.copyOf(values);
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** The header names, in order. */
    public List<String> names() {
        return names;
    }

    /** The header line. */
    public void header(Writer w) throws IOException {
        Csv.line(w, names);
    }

    /** The line of one row. */
    public void row(Writer w, T row) throws IOException {
        String[] cells = new String[values.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cell(names.get(i), values.get(i).apply(row));
        }
        Csv.line(w, Arrays.asList(cells));
    }

    /** The header, then one line per row, written as the response streams. */
    public CsvBody body(List<T> rows) {
        return CsvBody.of(this::header, rows, this::row);
    }

    private static String cell(String column, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Integer
                || value instanceof Long
                || value instanceof Boolean
                || value instanceof UUID
                || value instanceof TemporalAccessor) {
            return value.toString();
        }
        throw new IllegalArgumentException(
                "CSV column " + column + ": a " + value.getClass().getName() + " has no cell text; convert it");
    }

    /** Collects the columns in order; a name given twice is refused. */
    public static final class Builder<T> {

        private final List<String> names = new ArrayList<>();
        private final List<Function<? super T, ?>> values = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();

        private Builder() {}

        public Builder<T> add(String name, Function<? super T, ?> value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (!seen.add(name)) {
                throw new IllegalArgumentException("CSV column " + name + " is already defined");
            }
            names.add(name);
            values.add(value);
            return this;
        }

        public CsvColumns<T> build() {
            return new CsvColumns<>(names, values);
        }
    }
}
