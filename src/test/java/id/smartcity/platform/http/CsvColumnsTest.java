package id.smartcity.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CsvColumnsTest {

    enum Kind {
        PUBLIC_BODY;

        @Override
        public String toString() {
            return "public body"; // a cell is the name, never toString()
        }
    }

    record Item(UUID id, String name, Kind kind, Integer count, boolean active, LocalDate due) {}

    private static final CsvColumns<Item> COLUMNS = CsvColumns.<Item>builder()
            .add("id", Item::id)
            .add("name", Item::name)
            .add("kind", Item::kind)
            .add("count", Item::count)
            .add("active", Item::active)
            .add("due", Item::due)
            .build();

    private static final UUID ID = UUID.fromString("5f0c6a4e-1b2d-4c3e-9f8a-7b6c5d4e3f2a");

    @Test
    void headerThenRowsInOrder() throws IOException {
        CsvBody body = COLUMNS.body(List.of(
                new Item(ID, "Dinas Kominfo", Kind.PUBLIC_BODY, 3, true, LocalDate.of(2025, 3, 1)),
                new Item(ID, "Bappeda", Kind.PUBLIC_BODY, -2, false, LocalDate.of(2025, 12, 31))));
        StringWriter w = new StringWriter();
        body.rows().writeTo(w);
        assertEquals(
                "\"id\",\"name\",\"kind\",\"count\",\"active\",\"due\"\r\n"
                        + "\"5f0c6a4e-1b2d-4c3e-9f8a-7b6c5d4e3f2a\",\"Dinas Kominfo\",\"PUBLIC_BODY\",\"3\",\"true\","
                        + "\"2025-03-01\"\r\n"
                        + "\"5f0c6a4e-1b2d-4c3e-9f8a-7b6c5d4e3f2a\",\"Bappeda\",\"PUBLIC_BODY\",\"-2\",\"false\","
                        + "\"2025-12-31\"\r\n",
                w.toString());
        assertEquals(List.of("id", "name", "kind", "count", "active", "due"), COLUMNS.names());
    }

    @Test
    void headerAlone() throws IOException {
        StringWriter w = new StringWriter();
        COLUMNS.header(w);
        assertEquals("\"id\",\"name\",\"kind\",\"count\",\"active\",\"due\"\r\n", w.toString());
    }

    @Test
    void nullIsAnEmptyCellAndAnEmptyStringAQuotedOne() throws IOException {
        StringWriter w = new StringWriter();
        COLUMNS.row(w, new Item(null, "", null, null, false, null));
        assertEquals(",\"\",,,\"false\",\r\n", w.toString());
    }

    @Test
    void enumIsItsName() throws IOException {
        StringWriter w = new StringWriter();
        CsvColumns.<Item>builder().add("kind", Item::kind).build().row(w, item("x"));
        assertEquals("\"PUBLIC_BODY\"\r\n", w.toString());
    }

    @Test
    void quotesAreDoubled() throws IOException {
        assertEquals("\"Rapat \"\"FGD\"\", Purbalingga\"\r\n", name("Rapat \"FGD\", Purbalingga"));
        assertEquals("\"baris satu\nbaris dua\"\r\n", name("baris satu\nbaris dua"));
    }

    @Test
    void formulasAreGuardedButNumbersAreNot() throws IOException {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"\r\n", name("=HYPERLINK(\"http://x\")"));
        assertEquals("\"'+62281891234\"\r\n", name("+62281891234"));
        assertEquals("\"'@SUM(A1)\"\r\n", name("@SUM(A1)"));
        assertEquals("\"-0.25\"\r\n", name("-0.25"));
    }

    @Test
    void aDuplicateNameIsRefused() {
        CsvColumns.Builder<Item> builder = CsvColumns.<Item>builder().add("id", Item::id);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.add("id", Item::name));
        assertEquals("CSV column id is already defined", e.getMessage());
    }

    @Test
    void aValueWithNoCellTextIsRefused() {
        CsvColumns<Item> columns =
                CsvColumns.<Item>builder().add("item", i -> i).build();
        assertThrows(IllegalArgumentException.class, () -> columns.row(new StringWriter(), item("x")));
    }

    private static Item item(String name) {
        return new Item(ID, name, Kind.PUBLIC_BODY, 1, true, null);
    }

    private static String name(String name) throws IOException {
        StringWriter w = new StringWriter();
        CsvColumns.<Item>builder().add("name", Item::name).build().row(w, item(name));
        return w.toString();
    }
}
