package id.smartcity.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Values from the contract's schemas: valid ones (type, enum, format, bounds, maxLength, the
 * contract's patterns, required properties, examples) and, through {@link #mutate}, invalid
 * variants of a valid body. Seeded: the same seed gives the same values.
 */
final class Values {

    private static final String[] WORDS = {
        "Layanan",
        "pengaduan",
        "terpadu",
        "daring",
        "Dinas",
        "Komunikasi",
        "Informatika",
        "desa",
        "wisata",
        "digital",
        "Bappelitbangda",
        "sampah",
        "puskesmas",
        "antrean",
        "kota",
        "cerdas",
        "Purbalingga",
        "program",
        "warga",
        "data",
        "terbuka",
        "UMKM",
        "pasar",
        "tenaga",
        "kerja",
        "Kesehatan",
        "jalan"
    };
    /** Valid non-ASCII text: accents, a CJK character, an emoji (a proper surrogate pair). */
    private static final String[] EXOTIC = {"é", "ñ", "ü", "Ø", "漢", "🙂", "ß", "İ"};

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    final Random random;
    private final Contract contract;

    Values(Random random, Contract contract) {
        this.random = random;
        this.contract = contract;
    }

    // ---------------------------------------------------------------- valid values

    JsonNode resolve(JsonNode schema) {
        return contract.resolve(schema);
    }

    Object valid(JsonNode rawSchema) {
        return valid(rawSchema, 0);
    }

    private Object valid(JsonNode rawSchema, int depth) {
        JsonNode schema = resolve(rawSchema);
        if (schema == null || schema.isMissingNode()) {
            return text(12);
        }
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size())).asText();
        }
        JsonNode examples = schema.path("examples");
        String type = type(schema);
        if (examples.isArray() && !examples.isEmpty() && random.nextInt(4) == 0 && !type.equals("object")) {
            JsonNode example = examples.get(random.nextInt(examples.size()));
            if (example.isTextual() && fitsFormat(schema, example.asText())) {
                return example.asText();
            }
            if (example.isIntegralNumber()) {
                return example.asLong();
            }
            if (example.isNumber()) {
                return example.decimalValue();
            }
        }
        return switch (type) {
            case "string" -> string(schema);
            case "integer" -> integer(schema);
            case "number" -> number(schema);
            case "boolean" -> random.nextBoolean();
            case "array" -> array(schema, depth);
            case "object" -> object(schema, depth, false);
            default -> text(10);
        };
    }

    /** A valid object of the schema: every required property, each optional one half of the time. */
    Map<String, Object> object(JsonNode rawSchema, int depth, boolean allOptional) {
        JsonNode schema = resolve(rawSchema);
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (var property : schema.path("properties").properties()) {
            boolean include =
                    required.contains(property.getKey()) || (depth < 3 && (allOptional || random.nextInt(2) == 0));
            if (include) {
                out.put(property.getKey(), valid(property.getValue(), depth + 1));
            }
        }
        return out;
    }

    private List<Object> array(JsonNode schema, int depth) {
        int min = schema.path("minItems").asInt(0);
        int max = schema.path("maxItems").asInt(min + 3);
        int n = min + random.nextInt(Math.max(1, Math.min(3, max - min) + 1));
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(valid(schema.path("items"), depth + 1));
        }
        return out;
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        return "string";
    }

    private boolean fitsFormat(JsonNode schema, String value) {
        // The contract's date-time examples use a space instead of the T: legal in RFC 3339's note,
        // not in the date-time production. Valid bodies use the T form; the space form is a mutation.
        return !schema.path("format").asText().equals("date-time") || value.contains("T");
    }

    private Object string(JsonNode schema) {
        String format = schema.path("format").asText("");
        String pattern = schema.path("pattern").asText("");
        int maxLength = schema.path("maxLength").asInt(60);
        switch (format) {
            case "date":
                return date();
            case "date-time":
                return dateTime();
            case "uuid":
                return new UUID(random.nextLong(), random.nextLong()).toString();
            case "uri":
                return "https://example.org/" + word().toLowerCase(Locale.ROOT);
            default:
                break;
        }
        switch (pattern) {
            case "^\\d{2}\\.\\d{2}$":
                return String.format("%02d.%02d", 10 + random.nextInt(89), random.nextInt(100));
            case "^\\d{1,16}(\\.\\d{1,2})?$":
                return decimalString();
            case "^[A-Z][A-Z0-9_]{0,39}$":
                return code();
            case "^\\d{4}(-(S[12]|Q[1-4]))?$":
                return period();
            case "^[\\x20-\\x7E]+$":
                return "fuzz-" + Long.toHexString(random.nextLong());
            case "^[A-Za-z0-9_-]+$":
                return "AAAAAAAAAAQ";
            default:
                if (pattern.contains("[a-fA-F0-9]{8}") || pattern.contains("[0-9a-fA-F]{8}")) {
                    return new UUID(random.nextLong(), random.nextLong()).toString();
                }
                return text(Math.min(maxLength, 40));
        }
    }

    private Object integer(JsonNode schema) {
        long lo = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
        if (schema.has("exclusiveMinimum")) {
            lo = schema.get("exclusiveMinimum").asLong() + 1;
        }
        long hi = schema.has("maximum") ? schema.get("maximum").asLong() : lo + 1000;
        if (schema.path("format").asText().equals("int32") && hi > Integer.MAX_VALUE) {
            hi = Integer.MAX_VALUE;
        }
        int pick = random.nextInt(10);
        if (pick == 0) {
            return lo;
        }
        if (pick == 1 && hi - lo < 100_000) {
            return hi;
        }
        long span = Math.min(hi - lo, 1000);
        return lo + (span <= 0 ? 0 : (long) random.nextInt((int) span + 1));
    }

    private Object number(JsonNode schema) {
        BigDecimal step = schema.has("multipleOf") ? schema.get("multipleOf").decimalValue() : new BigDecimal("0.01");
        BigDecimal lo = schema.has("minimum") ? schema.get("minimum").decimalValue() : BigDecimal.ZERO;
        if (schema.has("exclusiveMinimum")) {
            lo = schema.get("exclusiveMinimum").decimalValue().add(step);
        }
        BigDecimal hi = schema.has("maximum") ? schema.get("maximum").decimalValue() : lo.add(BigDecimal.valueOf(1000));
        long kLo = lo.divide(step, 0, RoundingMode.CEILING).longValueExact();
        long kHi = hi.divide(step, 0, RoundingMode.FLOOR).longValueExact();
        long k;
        int pick = random.nextInt(10);
        if (pick == 0) {
            k = kLo;
        } else if (pick == 1) {
            k = kHi;
        } else if (pick < 5) {
            // A round value: what people type.
            long unit = BigDecimal.ONE
                    .divide(step, 0, RoundingMode.FLOOR)
                    .max(BigDecimal.ONE)
                    .longValue();
            long lowUnits = Math.max(1, (kLo + unit - 1) / unit);
            long highUnits = Math.max(lowUnits, kHi / unit);
            k = unit * (lowUnits + (long) random.nextInt((int) Math.min(highUnits - lowUnits, 1000) + 1));
            k = Math.min(Math.max(k, kLo), kHi);
        } else {
            k = kLo + (long) (random.nextDouble() * Math.min(kHi - kLo, 1_000_000));
        }
        return step.multiply(BigDecimal.valueOf(k)).stripTrailingZeros();
    }

    String date() {
        return LocalDate.of(2023, 1, 1).plusDays(random.nextInt(1200)).toString();
    }

    String dateTime() {
        ZoneOffset offset = random.nextBoolean() ? ZoneOffset.ofHours(7) : ZoneOffset.UTC;
        return OffsetDateTime.of(2024, 1, 1, 8, 0, 0, 0, offset)
                .plusDays(random.nextInt(700))
                .plusMinutes(15L * random.nextInt(40))
                .format(DATE_TIME);
    }

    String decimalString() {
        String whole =
                Long.toString(random.nextInt(5) == 0 ? random.nextInt(100) : 1_000_000L + random.nextInt(900_000_000));
        return switch (random.nextInt(3)) {
            case 0 -> whole;
            case 1 -> whole + "." + random.nextInt(10);
            default -> whole + String.format(".%02d", random.nextInt(100));
        };
    }

    String code() {
        StringBuilder s = new StringBuilder("FZ");
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            s.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_".charAt(random.nextInt(37)));
        }
        return s.toString();
    }

    String period() {
        int year = 2018 + random.nextInt(10);
        return switch (random.nextInt(3)) {
            case 0 -> Integer.toString(year);
            case 1 -> year + "-S" + (1 + random.nextInt(2));
            default -> year + "-Q" + (1 + random.nextInt(4));
        };
    }

    String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    /** Non-blank text of at most {@code max} characters, sometimes with valid non-ASCII characters. */
    String text(int max) {
        StringBuilder s = new StringBuilder(word());
        int words = random.nextInt(5);
        for (int i = 0; i < words; i++) {
            s.append(' ').append(random.nextInt(8) == 0 ? EXOTIC[random.nextInt(EXOTIC.length)] : word());
        }
        String out = s.toString();
        if (out.length() > max) {
            out = out.substring(0, Math.max(1, max)).stripTrailing();
            if (Character.isHighSurrogate(out.charAt(out.length() - 1))) {
                out = out.substring(0, out.length() - 1) + "x";
            }
        }
        return out.isBlank() ? "x" : out;
    }

    // ---------------------------------------------------------------- invalid variants

    /** A place in a body: a property of an object or an element of an array, with its schema. */
    record Slot(Object container, Object key, JsonNode schema, String path) {
        @SuppressWarnings("unchecked")
        Object get() {
            return container instanceof Map<?, ?> m ? m.get(key) : ((List<Object>) container).get((Integer) key);
        }

        @SuppressWarnings("unchecked")
        void set(Object value) {
            if (container instanceof Map<?, ?>) {
                ((Map<String, Object>) container).put((String) key, value);
            } else {
                ((List<Object>) container).set((Integer) key, value);
            }
        }

        @SuppressWarnings("unchecked")
        void remove() {
            if (container instanceof Map<?, ?>) {
                ((Map<String, Object>) container).remove(key);
            } else {
                ((List<Object>) container).remove((int) (Integer) key);
            }
        }
    }

    /** Every slot of {@code body}, depth first, with the resolved schema that describes it. */
    List<Slot> slots(Object body, JsonNode rawSchema) {
        List<Slot> out = new ArrayList<>();
        collect(body, resolve(rawSchema), "", out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private void collect(Object value, JsonNode schema, String path, List<Slot> out) {
        if (value instanceof Map<?, ?> map) {
            for (String key : new ArrayList<>(((Map<String, Object>) map).keySet())) {
                JsonNode property = resolve(schema.path("properties").path(key));
                String where = path.isEmpty() ? key : path + "." + key;
                out.add(new Slot(map, key, property, where));
                collect(map.get(key), property, where, out);
            }
        } else if (value instanceof List<?> list) {
            JsonNode items = resolve(schema.path("items"));
            for (int i = 0; i < list.size(); i++) {
                String where = path + "[" + i + "]";
                out.add(new Slot(list, i, items, where));
                collect(list.get(i), items, where, out);
            }
        }
    }

    private Slot pick(List<Slot> slots, Predicate<Slot> which) {
        List<Slot> fitting = slots.stream().filter(which).toList();
        return fitting.isEmpty() ? null : fitting.get(random.nextInt(fitting.size()));
    }

    /**
     * Mostly a free-text string (no enum, format or pattern but "not blank"): the kind of field
     * whose value goes unchanged to the database; sometimes any string.
     */
    private Slot freeText(List<Slot> slots) {
        Slot text = random.nextInt(5) == 0 ? null : pick(slots, Values::isFreeText);
        return text != null ? text : pick(slots, Values::isString);
    }

    static boolean isFreeText(Slot s) {
        JsonNode schema = s.schema();
        String pattern = schema.path("pattern").asText("");
        return s.get() instanceof String
                && !schema.has("enum")
                && !schema.has("format")
                && (pattern.isEmpty() || pattern.equals("\\S"));
    }

    static boolean isString(Slot s) {
        return s.get() instanceof String;
    }

    static boolean isDate(Slot s) {
        String format = s.schema().path("format").asText("");
        return s.get() instanceof String && (format.equals("date") || format.equals("date-time"));
    }

    static boolean isNumber(Slot s) {
        return s.get() instanceof Number;
    }

    /** A value-level mutation of {@code body} (changed in place); returns its label, or null if none applied. */
    @SuppressWarnings("unchecked")
    String mutate(Map<String, Object> body, JsonNode schema) {
        return mutate(body, schema, -1);
    }

    /** Number of kinds of {@link #mutate(Map, JsonNode, int)}. */
    static final int MUTATIONS = 17;

    /** Mutation {@code forced} (0 to {@link #MUTATIONS} - 1) when it applies to the body, else a random one. */
    @SuppressWarnings("unchecked")
    String mutate(Map<String, Object> body, JsonNode schema, int forced) {
        List<Slot> slots = slots(body, schema);
        for (int attempt = 0; attempt < 6; attempt++) {
            int kind = attempt == 0 && forced >= 0 ? forced : random.nextInt(MUTATIONS);
            Slot s;
            switch (kind) {
                case 0 -> {
                    s = pick(slots, x -> true);
                    if (s != null) {
                        s.set(wrongType(s.get()));
                        return "wrong type at " + s.path();
                    }
                }
                case 1, 2 -> {
                    Target target = objectWithRequired(body, schema, slots);
                    if (target != null) {
                        List<String> present = requiredPresent(target.schema(), target.map());
                        String key = present.get(random.nextInt(present.size()));
                        if (kind == 1) {
                            target.map().remove(key);
                            return "missing required " + key;
                        }
                        target.map().put(key, null);
                        return "null for required " + key;
                    }
                }
                case 3 -> {
                    String[] names = {"fuzzUnknown", "id", "version", "createdAt", "__proto__", "regionCode", "status"};
                    String name = names[random.nextInt(names.length)];
                    Slot nested = pick(slots, x -> x.get() instanceof Map<?, ?>);
                    Map<String, Object> into =
                            nested != null && random.nextBoolean() ? (Map<String, Object>) nested.get() : body;
                    if (!into.containsKey(name)) {
                        into.put(name, random.nextBoolean() ? "x" : 1);
                        return "unknown property " + name;
                    }
                }
                case 4 -> {
                    s = pick(slots, Values::isNumber);
                    if (s != null) {
                        s.set(outOfRange(s.schema()));
                        return "out-of-range number at " + s.path();
                    }
                }
                case 5 -> {
                    s = freeText(slots);
                    if (s != null) {
                        s.set(insert((String) s.get(), "\u0000"));
                        return "NUL in string at " + s.path();
                    }
                }
                case 6 -> {
                    s = freeText(slots);
                    if (s != null) {
                        char[] controls = {1, 2, 7, 8, 11, 12, 13, 27, 31, 127, 0x85, 0x2028};
                        s.set(insert((String) s.get(), String.valueOf(controls[random.nextInt(controls.length)])));
                        return "C0/C1 control in string at " + s.path();
                    }
                }
                case 7 -> {
                    s = freeText(slots);
                    if (s != null) {
                        String[] lone = {"\uD800", "\uDFFF", "\uDC00\uD800", "x\uDBFF"};
                        s.set(insert((String) s.get(), lone[random.nextInt(lone.length)]));
                        return "unpaired surrogate in string at " + s.path();
                    }
                }
                case 8 -> {
                    s = pick(slots, Values::isString);
                    if (s != null) {
                        int max = s.schema().path("maxLength").asInt(200);
                        int[] lengths = {max + 1, max * 4 + 7, 100_000};
                        s.set(repeat(lengths[random.nextInt(lengths.length)]));
                        return "over-long string at " + s.path();
                    }
                }
                case 9 -> {
                    s = pick(slots, Values::isDate);
                    if (s != null) {
                        String[] bad = {
                            "+10000-01-01",
                            "2024-02-30",
                            "2024-13-01",
                            "0000-00-00",
                            "-0001-01-01",
                            "24-07-11",
                            "2024-07-11T25:61:00+07:00",
                            "2024-07-11T09:00:00",
                            "2024-07-11 09:00:00+07:00",
                            "+10000-01-01T00:00:00Z",
                            "2024-07-11T09:00:00+25:00",
                            "\uFF12\uFF10\uFF12\uFF14-07-11",
                            "2024-7-1",
                            "9999999999-01-01",
                            " 2024-07-11"
                        };
                        s.set(bad[random.nextInt(bad.length)]);
                        return "bad date at " + s.path();
                    }
                }
                case 10 -> {
                    s = pick(slots, Values::isDate);
                    if (s != null) {
                        Object[] numbers = {20240711, 1_720_656_000_000L, 0, -1, new BigDecimal("2024.07")};
                        s.set(numbers[random.nextInt(numbers.length)]);
                        return "number for date at " + s.path();
                    }
                }
                case 11 -> {
                    s = pick(slots, x -> x.schema().has("enum") && x.get() instanceof String);
                    if (s != null) {
                        String v = (String) s.get();
                        String[] variants = {
                            " " + v + " ",
                            v.toLowerCase(Locale.ROOT),
                            v.charAt(0) + v.substring(1).toLowerCase(Locale.ROOT),
                            v + "_X",
                            "",
                            v + " "
                        };
                        s.set(variants[random.nextInt(variants.length)]);
                        return "enum variant at " + s.path();
                    }
                }
                case 12 -> {
                    s = pick(
                            slots,
                            x -> x.get() instanceof String
                                    && (x.schema().path("format").asText().equals("uuid")
                                            || x.schema()
                                                    .path("pattern")
                                                    .asText()
                                                    .contains("{8}")));
                    if (s != null) {
                        String[] ids = {
                            "",
                            " ",
                            "00000000-0000-0000-0000-000000000000",
                            "not-a-uuid",
                            ((String) s.get()).replace("-", ""),
                            "{" + s.get() + "}",
                            ((String) s.get()).toUpperCase(Locale.ROOT)
                        };
                        s.set(ids[random.nextInt(ids.length)]);
                        return "blank or odd id at " + s.path();
                    }
                }
                case 13 -> {
                    s = pick(slots, x -> x.get() instanceof String && x.schema().has("pattern"));
                    if (s != null) {
                        String v = (String) s.get();
                        String[] variants = {v + "!", v.toLowerCase(Locale.ROOT) + "x", "-" + v, v + "e5", " ", "1.234"
                        };
                        s.set(variants[random.nextInt(variants.length)]);
                        return "pattern violation at " + s.path();
                    }
                }
                case 14 -> {
                    s = pick(slots, Values::isString);
                    if (s != null) {
                        s.set(random.nextBoolean() ? "" : " \t ");
                        return "empty/blank string at " + s.path();
                    }
                }
                case 15 -> {
                    s = pick(slots, x -> x.get() instanceof List<?>);
                    if (s != null) {
                        List<Object> list = new ArrayList<>((List<Object>) s.get());
                        int max = s.schema().path("maxItems").asInt(10);
                        Object item = list.isEmpty() ? "x" : list.get(0);
                        if (random.nextBoolean()) {
                            list.add(item);
                        } else {
                            while (list.size() <= max) {
                                list.add(item);
                            }
                        }
                        s.set(list);
                        return "duplicate / too many items at " + s.path();
                    }
                }
                default -> {
                    s = pick(slots, Values::isNumber);
                    if (s != null) {
                        String[] raw = {
                            "1e400",
                            "-1e400",
                            "99999999999999999999999",
                            "0.00000000000000000001",
                            "1E+2147483648",
                            "-0",
                            "2147483648"
                        };
                        s.set(new Json.Raw(raw[random.nextInt(raw.length)]));
                        return "extreme number literal at " + s.path();
                    }
                }
            }
        }
        body.put("fuzzUnknown", "\u0000");
        return "unknown property with NUL";
    }

    private record Target(Map<String, Object> map, JsonNode schema) {}

    @SuppressWarnings("unchecked")
    private Target objectWithRequired(Map<String, Object> body, JsonNode schema, List<Slot> slots) {
        List<Target> candidates = new ArrayList<>();
        JsonNode rootSchema = resolve(schema);
        if (!requiredPresent(rootSchema, body).isEmpty()) {
            candidates.add(new Target(body, rootSchema));
        }
        for (Slot s : slots) {
            if (s.get() instanceof Map<?, ?> m
                    && !requiredPresent(s.schema(), (Map<String, Object>) m).isEmpty()) {
                candidates.add(new Target((Map<String, Object>) m, s.schema()));
            }
        }
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    private static List<String> requiredPresent(JsonNode schema, Map<String, Object> map) {
        List<String> out = new ArrayList<>();
        schema.path("required").forEach(r -> {
            if (map.containsKey(r.asText())) {
                out.add(r.asText());
            }
        });
        return out;
    }

    private Object wrongType(Object value) {
        if (value instanceof String) {
            Object[] options = {
                12345,
                true,
                new ArrayList<>(List.of("x")),
                new LinkedHashMap<>(Map.of("value", "x")),
                new BigDecimal("1.5")
            };
            return options[random.nextInt(options.length)];
        }
        if (value instanceof Number) {
            Object[] options = {"12", "abc", true, new ArrayList<>(List.of(1)), new LinkedHashMap<>()};
            return options[random.nextInt(options.length)];
        }
        if (value instanceof Boolean) {
            Object[] options = {"true", 1, "yes", new ArrayList<>()};
            return options[random.nextInt(options.length)];
        }
        if (value instanceof List<?>) {
            Object[] options = {new LinkedHashMap<>(), "x", 1};
            return options[random.nextInt(options.length)];
        }
        if (value instanceof Map<?, ?>) {
            Object[] options = {new ArrayList<>(), "x", 0};
            return options[random.nextInt(options.length)];
        }
        return 0;
    }

    private Object outOfRange(JsonNode schema) {
        List<Object> options = new ArrayList<>();
        if (schema.has("maximum")) {
            options.add(schema.get("maximum").decimalValue().add(BigDecimal.ONE));
        }
        if (schema.has("minimum")) {
            options.add(schema.get("minimum").decimalValue().subtract(BigDecimal.ONE));
        }
        if (schema.has("exclusiveMinimum")) {
            options.add(schema.get("exclusiveMinimum").decimalValue());
        }
        if (schema.has("multipleOf")) {
            options.add(schema.get("multipleOf").decimalValue().divide(BigDecimal.TEN));
        }
        if (type(schema).equals("integer")) {
            options.add(new BigInteger("2147483648"));
            options.add(new BigDecimal("3.5"));
        }
        options.add(new BigDecimal("-1"));
        options.add(new BigDecimal("1e30").toBigInteger());
        return options.get(random.nextInt(options.size()));
    }

    String insert(String value, String what) {
        int at = value.isEmpty() ? 0 : random.nextInt(value.length() + 1);
        if (at > 0 && at < value.length() && Character.isHighSurrogate(value.charAt(at - 1))) {
            at--;
        }
        return value.substring(0, at) + what + value.substring(at);
    }

    static String repeat(int length) {
        StringBuilder s = new StringBuilder(length);
        while (s.length() < length) {
            s.append("panjang ");
        }
        s.setLength(length);
        return s.toString();
    }
}
