package id.smartcity.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import id.smartcity.testsupport.Tokens;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds a {@link FuzzRequest} for an operation of the contract: path parameters from the ids that
 * exist (own region, the other region, random, invalid), query parameters valid and invalid,
 * headers (Accept, If-Match, If-None-Match, Idempotency-Key), and a body valid from the schema or
 * one of many invalid variants.
 */
final class Requests {

    private static final AtomicInteger FRESH_REGION = new AtomicInteger();

    private final Random random;
    private final Values values;
    private final World world;
    private final long seed;
    private int counter;
    /** Per POST operation: the last request sent with an Idempotency-Key, to replay or reuse the key. */
    private final Map<String, FuzzRequest> lastKeyed = new HashMap<>();

    Requests(Random random, Values values, World world, long seed) {
        this.random = random;
        this.values = values;
        this.world = world;
        this.seed = seed;
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T oneOf(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    @SafeVarargs
    private <T> T oneOf(T... options) {
        return options[random.nextInt(options.length)];
    }

    /** What a request gets wrong: one thing (a fault), nothing, or many things at random (chaos). */
    enum Focus {
        NONE,
        /** Valid, asking for CSV. */
        CSV,
        /** The last request with an Idempotency-Key again: the same (kind 0), or the key with another body. */
        REPLAY,
        PATH,
        QUERY,
        HEADERS,
        BODY,
        BYTES,
        CONTENT_TYPE,
        CHAOS
    }

    /** A fault chosen by the schedule: a focus and a kind within it (-1: any). */
    record Fault(Focus focus, int kind) {
        static final Fault NONE = new Fault(Focus.NONE, -1);

        @Override
        public String toString() {
            return focus + (kind >= 0 ? "#" + kind : "");
        }
    }

    /** Whether a part of the request may be invalid: never, as the one fault, or at random. */
    private enum Mode {
        VALID,
        FAULT,
        RANDOM
    }

    private Focus focus(Contract.Operation op) {
        List<Focus> options = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        boolean body = !op.bodies().isEmpty();
        boolean pathParams = op.path().contains("{");
        addOption(options, weights, Focus.PATH, pathParams ? 14 : 0);
        addOption(options, weights, Focus.QUERY, 12);
        addOption(options, weights, Focus.HEADERS, 14);
        addOption(options, weights, Focus.BODY, body ? 34 : 0);
        addOption(options, weights, Focus.BYTES, body ? 12 : 0);
        addOption(options, weights, Focus.CONTENT_TYPE, body ? 5 : 0);
        addOption(options, weights, Focus.CHAOS, 12);
        int total = weights.stream().mapToInt(Integer::intValue).sum();
        int pick = random.nextInt(total);
        for (int i = 0; i < options.size(); i++) {
            pick -= weights.get(i);
            if (pick < 0) {
                return options.get(i);
            }
        }
        return Focus.CHAOS;
    }

    private static void addOption(List<Focus> options, List<Integer> weights, Focus focus, int weight) {
        if (weight > 0) {
            options.add(focus);
            weights.add(weight);
        }
    }

    /** A caller the operation's security requirement admits, in the region 33.03. */
    private World.Caller authorized(Contract.Operation op, World.Caller fallback) {
        List<World.Caller> fitting = world.callers.stream()
                .filter(c -> c.role != null
                        && c.seesOwn
                        && (op.roles().isEmpty() || op.roles().contains(c.role)))
                .toList();
        return fitting.isEmpty() ? fallback : oneOf(fitting);
    }

    /**
     * A request for {@code op}. With {@link Fault#NONE} everything but the caller is meant to be
     * right; with a fault one part is wrong (path, query, headers, body value, body bytes,
     * Content-Type) and the caller is one the operation admits, so that the fault reaches the code
     * that must reject it; with null the fault is drawn at random (sometimes several at once, the
     * caller then mostly one the operation admits), and now and then the last keyed POST is replayed.
     */
    FuzzRequest build(Contract.Operation op, World.Caller caller, Fault fault) {
        Focus focus = fault != null ? fault.focus() : focus(op);
        int kind = fault != null ? fault.kind() : -1;
        if (focus != Focus.NONE
                && focus != Focus.CSV
                && focus != Focus.REPLAY
                && focus != Focus.CHAOS
                && (fault != null || chance(0.75))) {
            caller = authorized(op, caller);
        }
        String requestId = "fuzz-" + Long.toHexString(seed) + "-" + (++counter);
        boolean replay = focus == Focus.REPLAY || fault == null && op.method().equals("POST") && chance(0.06);
        if (replay && lastKeyed.containsKey(op.id())) {
            FuzzRequest previous = lastKeyed.get(op.id());
            // The same caller: keys are the caller's own.
            FuzzRequest again = new FuzzRequest(op, previous.caller, requestId);
            return replay(again, previous, focus == Focus.REPLAY ? kind == 0 : chance(0.5));
        }
        boolean keyed = focus == Focus.REPLAY && op.hasHeader("Idempotency-Key");
        if (focus == Focus.REPLAY) {
            // Nothing to replay yet: a valid request with a key, for the next replay.
            focus = Focus.NONE;
            caller = authorized(op, caller);
        }
        FuzzRequest r = new FuzzRequest(op, caller, requestId);
        path(r, focus, kind);
        query(r, focus == Focus.QUERY ? Mode.FAULT : focus == Focus.CHAOS ? Mode.RANDOM : Mode.VALID, kind);
        headers(r, focus == Focus.HEADERS ? Mode.FAULT : focus == Focus.CHAOS ? Mode.RANDOM : Mode.VALID, kind);
        if (focus == Focus.CSV) {
            r.headers.put("Accept", "text/csv");
        }
        if (keyed) {
            r.headers.put("Idempotency-Key", World.randomUuid(random));
        }
        body(r, focus, kind);
        if (r.headers.containsKey("Idempotency-Key")) {
            lastKeyed.put(op.id(), r);
        }
        return r;
    }

    /**
     * The systematic part of a run: for every operation, each path parameter wrong in each way,
     * each query fault, each header fault, each body mutation and the main byte-level ones.
     */
    static List<Fault> sweep(Contract.Operation op) {
        List<Fault> out = new ArrayList<>();
        long pathParams = op.path().chars().filter(c -> c == '{').count();
        for (int i = 0; i < pathParams; i++) {
            out.add(new Fault(Focus.PATH, i * 3));
            out.add(new Fault(Focus.PATH, i * 3 + 2));
        }
        if (op.in("query").isEmpty()) {
            out.add(new Fault(Focus.QUERY, 3));
        } else {
            for (int kind : new int[] {0, 3, 4, 5, 6, 7, 8}) {
                out.add(new Fault(Focus.QUERY, kind));
            }
        }
        List<String> headers = headerFaults(op);
        for (int i = 0; i < headers.size(); i++) {
            out.add(new Fault(Focus.HEADERS, i));
        }
        // Accept: the empty one, garbage, and for the CSV producers CSV and a weighted list as well.
        int accept = headers.indexOf("Accept");
        int values = op.produces().contains("text/csv") ? ODD_ACCEPT.length : 2;
        for (int v = 0; v < values; v++) {
            out.add(new Fault(Focus.HEADERS, accept + headers.size() * (v + 1)));
        }
        if (op.hasHeader("Idempotency-Key")) {
            out.add(new Fault(Focus.REPLAY, 0));
            out.add(new Fault(Focus.REPLAY, 0));
            out.add(new Fault(Focus.REPLAY, 1));
        }
        if (!op.bodies().isEmpty()) {
            for (int kind = 0; kind < Values.MUTATIONS; kind++) {
                out.add(new Fault(Focus.BODY, kind));
            }
            // NUL, other controls and lone surrogates again: each time in another (free-text) field.
            for (int kind : new int[] {5, 5, 6, 7}) {
                out.add(new Fault(Focus.BODY, kind));
            }
            for (int kind : new int[] {0, 2, 3, 6, 7, 8}) {
                out.add(new Fault(Focus.BYTES, kind));
            }
            out.add(new Fault(Focus.CONTENT_TYPE, 0));
            out.add(new Fault(Focus.CONTENT_TYPE, 3));
        }
        return out;
    }

    /** Odd Accept headers; the first two are swept on every operation, all of them on the CSV producers. */
    private static final String[] ODD_ACCEPT = {
        "",
        "garbage",
        "text/csv;q=0.9, application/json;q=0.1",
        "text/csv; charset=utf-16",
        "application/problem+json",
        "application/xml",
        "text/html",
        "application/*",
        "text/*",
        "application/json; charset=utf-16",
        "image/png",
        "*/*;q=0"
    };

    private static List<String> headerFaults(Contract.Operation op) {
        List<String> faults = new ArrayList<>(List.of("Accept", "X-Request-Id"));
        for (String header : List.of("If-Match", "If-None-Match", "Idempotency-Key")) {
            if (op.hasHeader(header)) {
                faults.add(header);
            }
        }
        if (op.hasHeader("If-Match")) {
            faults.add("If-Match");
        }
        return faults;
    }

    // ------------------------------------------------------------------ path

    private void path(FuzzRequest r, Focus focus, int kind) {
        StringBuilder raw = new StringBuilder();
        StringBuilder encoded = new StringBuilder();
        r.region = World.OWN;
        long params = r.op.path().chars().filter(c -> c == '{').count();
        int faulty = focus != Focus.PATH ? -1 : kind >= 0 ? kind / 3 : random.nextInt((int) params);
        int variant = kind >= 0 ? kind % 3 : random.nextInt(3);
        int index = 0;
        String[] segments = r.op.path().substring(1).split("/");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            String value = segment;
            String enc = segment;
            if (segment.startsWith("{")) {
                String name = segment.substring(1, segment.length() - 1);
                Contract.Param param = r.op.param(name);
                Mode mode = index == faulty ? Mode.FAULT : focus == Focus.CHAOS ? Mode.RANDOM : Mode.VALID;
                // A parent whose children the path goes on to name: one that has some known.
                String child = i + 2 < segments.length && segments[i + 2].startsWith("{") ? segments[i + 1] : null;
                value = name.equals("regionCode")
                        ? region(r, mode, variant)
                        : pathValue(r, raw.toString(), param, mode, variant, child);
                enc = encode(value);
                index++;
            }
            raw.append('/').append(value);
            encoded.append('/').append(enc);
        }
        r.rawPath = raw.toString();
        r.path = encoded.toString();
    }

    private String region(FuzzRequest r, Mode mode, int variant) {
        double p = switch (mode) {
            case VALID -> 0;
            case FAULT -> variant == 0 ? 0.8 : variant == 1 ? 0.92 : 0.97;
            case RANDOM -> random.nextDouble();
        };
        String region;
        if (p < 0.74) {
            region = World.OWN;
        } else if (p < 0.90) {
            region = world.other;
            r.note("other region");
        } else if (p < 0.94) {
            region = "99.9" + random.nextInt(10);
            r.note("unknown region");
        } else {
            region = oneOf(
                    "3303",
                    "33.3",
                    "aa.bb",
                    "33.03\u0000",
                    " 33.03",
                    "33.033",
                    "33,03",
                    "33.0\uD800",
                    "\uFF13\uFF13.\uFF10\uFF13");
            r.note("invalid region code");
        }
        r.region = region;
        return region;
    }

    private String pathValue(
            FuzzRequest r, String collection, Contract.Param param, Mode mode, int variant, String child) {
        JsonNode schema = values.resolve(param.schema());
        double p = switch (mode) {
            case VALID -> 0;
            case FAULT -> variant == 0 ? 0.8 : variant == 1 ? 0.9 : 0.95;
            case RANDOM -> random.nextDouble();
        };
        if (p < 0.78) {
            String id = world.existing(random, collection, child);
            if (id != null) {
                return id;
            }
            r.note("no known id for " + param.name());
            return unknownValue(schema);
        }
        if (p < 0.86) {
            String id = world.foreign(random, collection);
            if (id != null) {
                r.note("foreign " + param.name());
                return id;
            }
        }
        if (p < 0.92 && !schema.has("enum")) {
            r.note("unknown " + param.name());
            return unknownValue(schema);
        }
        r.note("invalid " + param.name());
        return invalidValue(schema);
    }

    /** A well-formed value that names nothing. */
    private String unknownValue(JsonNode schema) {
        String type = Values.type(schema);
        if (type.equals("integer")) {
            return Long.toString(900_000_000L + random.nextInt(1000));
        }
        if (schema.has("enum")) {
            return invalidValue(schema);
        }
        if (schema.path("pattern").asText().startsWith("^[A-Z]")) {
            return "NOPE_" + random.nextInt(1000);
        }
        return World.randomUuid(random);
    }

    /** A value the parameter's schema does not allow. */
    String invalidValue(JsonNode schema) {
        String type = Values.type(schema);
        if (type.equals("integer")) {
            return oneOf("0", "-1", "abc", "1.5", "99999999999999999999", " ", "1e3", "\u0000", "\u0661", "0x10", "+1");
        }
        if (schema.has("enum")) {
            String v = schema.get("enum").get(0).asText();
            return oneOf(v.toLowerCase(Locale.ROOT), " " + v + " ", "UNKNOWN", v + "\u0000", v + "\uD800");
        }
        if (schema.path("pattern").asText().startsWith("^[A-Z]")) {
            return oneOf("sdm", "A-B", "A".repeat(41), "SDM\u0000", " ", "\u00C9TAT", "SDM\u0001");
        }
        String uuid = World.randomUuid(random);
        return oneOf(
                "not-a-uuid",
                " ",
                "\t",
                "\u3000",
                uuid.replace("-", ""),
                uuid + "0",
                "\u0000",
                uuid.substring(0, 35) + "\u0000",
                uuid.substring(0, 35) + "\uD800",
                "null",
                "00000000-0000-0000-0000-00000000000g",
                uuid.toUpperCase(Locale.ROOT));
    }

    // ------------------------------------------------------------------ query

    private void query(FuzzRequest r, Mode mode, int kind) {
        List<String[]> pairs = new ArrayList<>();
        for (Contract.Param p : r.op.in("query")) {
            if (p.required() || chance(0.3)) {
                pairs.add(new String[] {p.name(), queryValue(r, p)});
            }
        }
        if (mode == Mode.FAULT || mode == Mode.RANDOM && chance(0.3)) {
            queryMutation(r, pairs, mode == Mode.FAULT ? kind : -1);
        }
        StringBuilder q = new StringBuilder();
        for (String[] pair : pairs) {
            if (q.length() > 0) {
                q.append('&');
            }
            q.append(encode(pair[0]));
            if (pair[1] != null) {
                q.append('=').append(encode(pair[1]));
            }
        }
        r.query = q.toString();
    }

    private String queryValue(FuzzRequest r, Contract.Param p) {
        JsonNode schema = values.resolve(p.schema());
        switch (p.name()) {
            case "limit":
                return Integer.toString(1 + random.nextInt(100));
            case "offset":
                return Integer.toString(random.nextInt(30));
            case "sort":
                if (!r.op.sortFields().isEmpty()) {
                    String sort = (chance(0.4) ? "-" : "") + oneOf(r.op.sortFields());
                    if (chance(0.3)) {
                        sort += "," + (chance(0.5) ? "-" : "") + oneOf(r.op.sortFields());
                    }
                    return sort;
                }
                break;
            case "q":
                return chance(0.5) ? values.word().toLowerCase(Locale.ROOT) : values.text(20);
            case "cursor":
                if (!world.cursors.isEmpty()) {
                    return oneOf(world.cursors);
                }
                break;
            case "regionCode":
                return chance(0.7) ? World.OWN : world.other;
            case "entityId": {
                String id = world.existing(random, World.API + "/regions/" + World.OWN + "/quick-wins");
                return id != null && chance(0.7) ? id : World.OWN;
            }
            case "entityType":
                return oneOf("QUICK_WIN", "REGION", "STAKEHOLDER", "MILESTONE", "FGD_SESSION", "READINESS_ASSESSMENT");
            case "actor":
                return oneOf("fuzz-admin", "fuzz-coordinator", Tokens.subjectOf("fuzz-admin"));
            case "framework":
            case "code":
                return oneOf(new ArrayList<>(world.frameworks.keySet()));
            case "fromId":
            case "toId":
                return Long.toString(1
                        + (long) random.nextInt((int) Math.max(1, Math.min(world.lastAuditId, 100_000))));
            case "leadStakeholderId": {
                String id = world.existing(random, World.API + "/regions/" + r.region + "/stakeholders");
                return id != null ? id : World.randomUuid(random);
            }
            default:
                break;
        }
        Object v = values.valid(schema);
        return v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v);
    }

    private void queryMutation(FuzzRequest r, List<String[]> pairs, int forced) {
        List<Contract.Param> params = r.op.in("query");
        List<String> strings = params.stream()
                .filter(p -> Values.type(values.resolve(p.schema())).equals("string"))
                .map(Contract.Param::name)
                .toList();
        String stringParam = strings.isEmpty() ? null : oneOf(strings);
        int kind = forced >= 0 ? forced : random.nextInt(12);
        switch (kind) {
            case 0, 1 -> {
                String v = oneOf("1000", "0", "-1", "abc", "101", "1.5", "", "2147483648", " 5", "5 ");
                set(pairs, "limit", v);
                r.note("limit=" + v);
            }
            case 2 -> {
                String v = oneOf("-1", "1000001", "abc", "99999999999999999999");
                set(pairs, "offset", v);
                r.note("offset=" + v);
            }
            case 3 -> {
                String name = oneOf("foo", "limitt", "LIMIT", "page", "q", "fields", "\u0000", "a[b]", "__proto__");
                pairs.add(new String[] {name, oneOf("bar", "1", "", "\u0000")});
                r.note("unknown query parameter " + FuzzRequest.printable(name.getBytes(StandardCharsets.UTF_8)));
            }
            case 4 -> {
                String name = stringParam != null ? stringParam : "q";
                set(pairs, name, values.insert(values.word(), "\u0000"));
                r.note("NUL in " + name);
            }
            case 5 -> {
                String name = stringParam != null ? stringParam : "q";
                set(pairs, name, values.insert(values.word(), oneOf("\u0001", "\u001f", "\u007f", "\n", "\u0085")));
                r.note("control character in " + name);
            }
            case 6 -> {
                String name = stringParam != null ? stringParam : "q";
                set(pairs, name, values.insert(values.word(), oneOf("\uD800", "\uDFFF")));
                r.note("unpaired surrogate in " + name);
            }
            case 7 -> {
                String name = stringParam != null ? stringParam : "q";
                int n = oneOf(101, 256, 1000);
                set(pairs, name, Values.repeat(n));
                r.note("over-long " + name + " (" + n + ")");
            }
            case 8 -> {
                Contract.Param p = params.stream()
                        .filter(x -> values.resolve(x.schema()).has("enum")
                                || values.resolve(x.schema())
                                        .path("format")
                                        .asText()
                                        .startsWith("date")
                                || Values.type(values.resolve(x.schema())).equals("boolean"))
                        .findFirst()
                        .orElse(null);
                if (p != null) {
                    JsonNode s = values.resolve(p.schema());
                    String v;
                    if (s.has("enum")) {
                        String e = s.get("enum").get(0).asText();
                        v = oneOf(e.toLowerCase(Locale.ROOT), " " + e + " ", e + ",x", "UNKNOWN");
                    } else if (Values.type(s).equals("boolean")) {
                        v = oneOf("yes", "1", "TRUE ", "");
                    } else {
                        v = oneOf(
                                "+10000-01-01T00:00:00Z",
                                "2024-07-11",
                                "2024-07-11 09:00:00+07:00",
                                "yesterday",
                                "2024-13-01T00:00:00Z",
                                "1720656000");
                    }
                    set(pairs, p.name(), v);
                    r.note(p.name() + "=" + v);
                } else {
                    set(pairs, "limit", "1000");
                    r.note("limit=1000");
                }
            }
            case 9 -> {
                if (params.stream().anyMatch(p -> p.name().equals("sort"))) {
                    String v = oneOf("-", "nope", "title,,", "-unknownField", ",", "title;drop", "--title", "");
                    set(pairs, "sort", v);
                    r.note("sort=" + v);
                } else {
                    pairs.add(new String[] {"sort", "x"});
                    r.note("undeclared sort");
                }
            }
            case 10 -> {
                pairs.add(new String[] {"limit", "5"});
                pairs.add(new String[] {"limit", "6"});
                r.note("repeated limit");
            }
            default -> {
                if (params.stream().anyMatch(p -> p.name().equals("fromId"))) {
                    String v = oneOf("9223372036854775808", "0", "-5", "abc");
                    set(pairs, oneOf("fromId", "toId"), v);
                    r.note("id bound " + v);
                } else {
                    pairs.add(new String[] {"q", null});
                    r.note("query parameter without value");
                }
            }
        }
    }

    private static void set(List<String[]> pairs, String name, String value) {
        pairs.removeIf(p -> p[0].equals(name));
        pairs.add(new String[] {name, value});
    }

    // ------------------------------------------------------------------ headers

    private void headers(FuzzRequest r, Mode mode, int kind) {
        Contract.Operation op = r.op;
        List<String> faults = headerFaults(op);
        String fault = mode != Mode.FAULT ? null : kind >= 0 ? faults.get(kind % faults.size()) : oneOf(faults);
        boolean csv = op.produces().contains("text/csv");

        if ("Accept".equals(fault) || mode == Mode.RANDOM && chance(0.25)) {
            int variant = kind >= faults.size() ? kind / faults.size() - 1 : -1;
            String odd = variant >= 0 ? ODD_ACCEPT[variant % ODD_ACCEPT.length] : oneOf(ODD_ACCEPT);
            r.headers.put("Accept", odd);
            r.note("Accept " + odd);
        } else {
            double a = random.nextDouble();
            if (csv && a < 0.3) {
                r.headers.put("Accept", oneOf("text/csv", "text/csv, application/json;q=0.5"));
            } else if (a < 0.55) {
                r.headers.put("Accept", "application/json");
            } else if (a < 0.65) {
                r.headers.put("Accept", "*/*");
            }
        }
        if (op.hasHeader("If-Match")) {
            String known = world.etag(r.rawPath);
            if ("If-Match".equals(fault) || mode == Mode.RANDOM && chance(0.25)) {
                boolean stale = mode == Mode.FAULT && kind >= 0 && kind < faults.size()
                        ? faults.indexOf("If-Match") == kind
                        : chance(0.55);
                if (stale) {
                    String old = oneOf("\"0\"", "\"999999\"", "W/\"0\"", "\"-1\"", "\"\"");
                    r.headers.put("If-Match", old);
                    r.note("stale If-Match");
                } else {
                    String bad = oneOf(
                            "0",
                            "abc",
                            "\"unterminated",
                            "\"1\" \"2\"",
                            ",",
                            "\"" + "9".repeat(250) + "\"",
                            "W/",
                            "\"1\",,\"2\"",
                            " ");
                    r.headers.put("If-Match", bad);
                    r.note("malformed If-Match");
                }
            } else if (known != null && chance(0.6)) {
                r.headers.put("If-Match", known);
            } else if (chance(0.05)) {
                r.headers.put("If-Match", "*");
            }
        }
        if (op.hasHeader("If-None-Match")) {
            String known = world.etag(r.rawPath);
            if ("If-None-Match".equals(fault) || mode == Mode.RANDOM && chance(0.1)) {
                String v = oneOf("garbage", "\"a\", \"b\"", "W/", "\"" + "1".repeat(250) + "\"", "\"unterminated");
                r.headers.put("If-None-Match", v);
                r.note("If-None-Match " + v);
            } else if (known != null && chance(0.2)) {
                r.headers.put("If-None-Match", chance(0.8) ? known : "*");
            }
        }
        if (op.hasHeader("Idempotency-Key")) {
            if ("Idempotency-Key".equals(fault) || mode == Mode.RANDOM && chance(0.06)) {
                String bad = oneOf("", " ", "k".repeat(256), "\u043a\u043b\u044e\u0447", "a b\u00e9");
                r.headers.put("Idempotency-Key", bad);
                r.note("invalid Idempotency-Key");
            } else if (chance(0.4)) {
                r.headers.put("Idempotency-Key", World.randomUuid(random));
            }
        }
        if ("X-Request-Id".equals(fault) || mode == Mode.RANDOM && chance(0.02)) {
            r.headers.put("X-Request-Id", oneOf("bad id with spaces", "x".repeat(65), "\u00e9t\u00e9"));
            r.note("odd X-Request-Id");
        }
    }

    /** The same request again (same key, path and body), or the key reused with another body. */
    private FuzzRequest replay(FuzzRequest r, FuzzRequest previous, boolean sameBody) {
        r.rawPath = previous.rawPath;
        r.path = previous.path;
        r.query = previous.query;
        r.region = previous.region;
        r.headers.putAll(previous.headers);
        r.contentType = previous.contentType;
        if (sameBody) {
            r.body = previous.body;
            r.bodyValue = previous.bodyValue;
            r.note("idempotent replay of " + previous.requestId);
        } else {
            body(r, random.nextBoolean() ? Focus.NONE : Focus.BODY, -1);
            r.note("Idempotency-Key of " + previous.requestId + " with another body");
        }
        return r;
    }

    // ------------------------------------------------------------------ body

    private void body(FuzzRequest r, Focus focus, int kind) {
        Contract.Operation op = r.op;
        if (op.bodies().isEmpty()) {
            return;
        }
        List<String> types = new ArrayList<>(op.bodies().keySet());
        String type = oneOf(types);
        JsonNode schema = op.bodies().get(type);
        Map<String, Object> body = validBody(r, schema, op.method().equals("PATCH"), focus != Focus.NONE);
        r.contentType = type;
        if (focus == Focus.CHAOS) {
            double p = random.nextDouble();
            focus = p < 0.4 ? Focus.NONE : p < 0.75 ? Focus.BODY : p < 0.9 ? Focus.BYTES : Focus.CONTENT_TYPE;
        }
        switch (focus) {
            case BODY -> {
                String what = values.mutate(body, schema, kind);
                if (kind < 0 && chance(0.15)) {
                    what += "; " + values.mutate(body, schema);
                }
                r.note(what);
                finish(r, body);
            }
            case BYTES -> {
                finish(r, body);
                bytesMutation(r, kind);
            }
            case CONTENT_TYPE -> {
                finish(r, body);
                String[] odd = {
                    "text/plain",
                    "application/xml",
                    "application/octet-stream",
                    null,
                    "APPLICATION/JSON",
                    "application/json; charset=ISO-8859-1",
                    "application/json; charset=UTF-16",
                    "application/json-patch+json",
                    "application/merge-patch+json",
                    "application/json;;",
                    "application/problem+json",
                    "application/x-ndjson"
                };
                String ct = kind >= 0 ? odd[kind % odd.length] : oneOf(odd);
                r.contentType = ct;
                r.note("Content-Type " + ct);
            }
            default -> finish(r, body);
        }
    }

    private void finish(FuzzRequest r, Map<String, Object> body) {
        r.bodyValue = body;
        r.body = Json.write(body).getBytes(StandardCharsets.UTF_8);
    }

    private void bytesMutation(FuzzRequest r, int forced) {
        String json = new String(r.body, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int kind = forced >= 0 ? forced : random.nextInt(13);
        String label;
        switch (kind) {
            case 0, 1 -> {
                out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                out.writeBytes(r.body);
                label = "UTF-8 BOM before the JSON";
            }
            case 2 -> {
                int cut = json.length() <= 1 ? 0 : 1 + random.nextInt(json.length() - 1);
                out.writeBytes(json.substring(0, cut).getBytes(StandardCharsets.UTF_8));
                label = "truncated JSON";
            }
            case 3 -> {
                String broken = oneOf(
                        json.replaceFirst("}$", ",}"),
                        json.replace('"', '\''),
                        "{\"title\":}",
                        "{title: \"x\"}",
                        "{",
                        "]",
                        json + "/* comment */",
                        json.replaceFirst(":", ":NaN,\"x\":"),
                        "{\"a\":1}{\"b\":2}",
                        json + " x");
                out.writeBytes(broken.getBytes(StandardCharsets.UTF_8));
                label = "malformed JSON";
            }
            case 4 -> label = "empty body";
            case 5 -> {
                out.writeBytes(oneOf("null", "[]", "\"x\"", "1", "true", "[" + json + "]")
                        .getBytes(StandardCharsets.UTF_8));
                label = "JSON of another shape";
            }
            case 6 -> {
                int at = json.indexOf("\":\"");
                byte[] bad = oneOf(
                        new byte[] {(byte) 0xC3, 0x28},
                        new byte[] {(byte) 0xFF},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[] {(byte) 0xC0, (byte) 0x80});
                if (at < 0) {
                    out.writeBytes(("{\"x\":\"").getBytes(StandardCharsets.UTF_8));
                    out.writeBytes(bad);
                    out.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
                } else {
                    out.writeBytes(json.substring(0, at + 3).getBytes(StandardCharsets.UTF_8));
                    out.writeBytes(bad);
                    out.writeBytes(json.substring(at + 3).getBytes(StandardCharsets.UTF_8));
                }
                label = "invalid UTF-8 in a string";
            }
            case 7 -> {
                int at = json.indexOf("\":\"");
                String raw = at < 0
                        ? "{\"x\":\"a\u0000b\"}"
                        : json.substring(0, at + 3) + oneOf("\u0000", "\u0001", "\n") + json.substring(at + 3);
                out.writeBytes(raw.getBytes(StandardCharsets.UTF_8));
                label = "raw control character inside a JSON string";
            }
            case 8 -> {
                int depth = oneOf(600, 1200, 5000);
                StringBuilder deep = new StringBuilder("{\"x\":");
                deep.append("[".repeat(depth)).append("]".repeat(depth)).append('}');
                out.writeBytes(deep.toString().getBytes(StandardCharsets.UTF_8));
                label = "nesting depth " + depth;
            }
            case 9 -> {
                int colon = json.indexOf(':');
                String dup = colon < 0 ? json : "{" + json.substring(1, colon) + ":null," + json.substring(1);
                out.writeBytes(dup.getBytes(StandardCharsets.UTF_8));
                label = "duplicate key";
            }
            case 10 -> {
                out.writeBytes(("{\"x\":\"" + Values.repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8));
                label = "body over 256 KiB";
            }
            case 11 -> {
                out.writeBytes(json.getBytes(StandardCharsets.UTF_16));
                label = "UTF-16 body";
            }
            default -> {
                out.writeBytes(("  \r\n\t" + json + "\n\n").getBytes(StandardCharsets.UTF_8));
                label = "whitespace around the JSON";
            }
        }
        r.body = out.toByteArray();
        r.note(label);
    }

    /** A valid body of the schema, made right where the schema cannot say (ids that exist, dates in order). */
    private Map<String, Object> validBody(FuzzRequest r, JsonNode schema, boolean patch, boolean freeText) {
        Map<String, Object> body = values.object(schema, 0, false);
        fix(Contract.refName(schema), body, r);
        if (patch && !body.isEmpty()) {
            List<String> keys = new ArrayList<>(body.keySet());
            int keep = 1 + random.nextInt(Math.min(3, keys.size()));
            Set<String> chosen = new LinkedHashSet<>();
            while (chosen.size() < keep) {
                chosen.add(oneOf(keys));
            }
            if (chosen.contains("scheduledStart") || chosen.contains("scheduledEnd")) {
                chosen.add("scheduledStart");
                chosen.add("scheduledEnd");
            }
            if (chosen.contains("done") && Boolean.TRUE.equals(body.get("done"))) {
                chosen.add("doneDate");
            }
            if (freeText) {
                // A mutation of text needs some text to mutate.
                values.slots(body, schema).stream()
                        .filter(Values::isFreeText)
                        .filter(slot -> slot.container() == body)
                        .findFirst()
                        .ifPresent(slot -> chosen.add((String) slot.key()));
            }
            body.keySet().retainAll(chosen);
        }
        return body;
    }

    @SuppressWarnings("unchecked")
    private void fix(String schema, Map<String, Object> body, FuzzRequest r) {
        if (schema == null) {
            return;
        }
        String regionBase = World.API + "/regions/" + r.region;
        List<String> stakeholders = world.ids(regionBase + "/stakeholders");
        switch (schema) {
            case "CreateRegionRequest" -> {
                int n = FRESH_REGION.incrementAndGet();
                body.put("code", String.format("%02d.%02d", 70 + (n / 100) % 30, n % 100));
                dedupe(body, "dimensionCoordinators", "dimension");
                dedupe(body, "smartCityBodies", "body");
            }
            case "UpdateRegionRequest" -> {
                dedupe(body, "dimensionCoordinators", "dimension");
                dedupe(body, "smartCityBodies", "body");
            }
            case "StakeholderRequest" -> {
                if (body.containsKey("email")) {
                    body.put("email", "fuzz." + random.nextInt(100_000) + "@example.org");
                }
                if (body.containsKey("phone")) {
                    body.put("phone", oneOf("0281-89", "0812-34", "(0281) 8") + (10_000 + random.nextInt(89_999)));
                }
                dedupe(body, "memberships", "dimension");
                if (body.get("memberships") instanceof List<?> list) {
                    for (Object m : list) {
                        ((Map<String, Object>) m).put("role", chance(0.1) ? "LEAD" : "MEMBER");
                    }
                }
                if (chance(0.7)) {
                    body.remove("active");
                }
            }
            case "FgdSessionRequest" -> {
                OffsetDateTime start = OffsetDateTime.parse((String) body.get("scheduledStart"));
                body.put(
                        "scheduledEnd",
                        start.plusHours(1 + random.nextInt(4)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
                if (!stakeholders.isEmpty() && chance(0.5)) {
                    body.put("facilitatorStakeholderId", oneOf(stakeholders));
                    body.remove("facilitatorName");
                } else {
                    body.remove("facilitatorStakeholderId");
                }
            }
            case "FgdInviteRequest" -> {
                if (!stakeholders.isEmpty()) {
                    List<String> ids = new ArrayList<>(new LinkedHashSet<>(
                            List.of(oneOf(stakeholders), oneOf(stakeholders), oneOf(stakeholders))));
                    body.put("stakeholderIds", ids.subList(0, 1 + random.nextInt(ids.size())));
                }
            }
            case "FgdAttendanceRequest" -> {
                List<String> invited = world.ids(r.rawPath);
                if (!invited.isEmpty()) {
                    List<Object> updates = new ArrayList<>();
                    for (String id : new LinkedHashSet<>(List.of(oneOf(invited), oneOf(invited)))) {
                        updates.add(new LinkedHashMap<>(
                                Map.of("stakeholderId", id, "attendance", oneOf("INVITED", "ATTENDED", "ABSENT"))));
                    }
                    body.put("updates", updates);
                }
            }
            case "QuickWinRequest" -> {
                if (chance(0.3)) {
                    String dimension = (String) body.get("dimension");
                    List<String> sessions = world.ids(regionBase + "/fgd-sessions").stream()
                            .filter(s -> dimension == null || dimension.equals(world.sessionDimension.get(s)))
                            .toList();
                    if (!sessions.isEmpty()) {
                        body.put("fgdSessionId", oneOf(sessions));
                    } else {
                        body.remove("fgdSessionId");
                    }
                } else {
                    body.remove("fgdSessionId");
                }
                if (!stakeholders.isEmpty() && chance(0.5)) {
                    body.put("leadStakeholderId", oneOf(stakeholders));
                } else {
                    body.remove("leadStakeholderId");
                }
                if (!stakeholders.isEmpty() && body.containsKey("partnerStakeholderIds")) {
                    body.put(
                            "partnerStakeholderIds",
                            new ArrayList<>(new LinkedHashSet<>(List.of(oneOf(stakeholders), oneOf(stakeholders)))));
                } else {
                    body.remove("partnerStakeholderIds");
                }
                orderDates(body, "startDate", "endDate");
            }
            case "MilestoneRequest" -> {
                if (Boolean.TRUE.equals(body.get("done"))) {
                    body.put("doneDate", values.date());
                } else {
                    body.remove("doneDate");
                }
            }
            case "CreateAssessmentRequest" -> {
                String code = oneOf(new ArrayList<>(world.frameworks.keySet()));
                body.put("frameworkCode", code);
                body.put("frameworkVersion", 1 + random.nextInt(world.frameworks.get(code)));
            }
            case "ScoreRequest" -> {
                body.put("score", BigDecimal.valueOf(10 + random.nextInt(41)).movePointLeft(1));
                if (body.get("links") instanceof List<?> list) {
                    List<Object> links = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        links.add("https://example.org/dokumen/" + random.nextInt(1000) + ".pdf");
                    }
                    body.put("links", links);
                }
            }
            case "FrameworkVersionRequest" -> {
                String code = r.op.method().equals("PUT")
                        ? pathSegmentAfter(r.rawPath, "assessment-frameworks")
                        : values.code();
                Map<String, Object> valid = World.framework(code == null ? values.code() : code);
                body.clear();
                body.putAll((Map<String, Object>) mutableCopy(valid));
                if (chance(0.5)) {
                    body.remove("description");
                }
            }
            case "QuickWinTransitionRequest", "AssessmentTransitionRequest" -> {
                if (chance(0.6)) {
                    body.put("reason", values.text(60));
                }
            }
            default -> {}
        }
    }

    /** A deep copy made of LinkedHashMaps and ArrayLists, which mutations may change. */
    @SuppressWarnings("unchecked")
    static Object mutableCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, mutableCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(mutableCopy(v)));
            return copy;
        }
        return value;
    }

    private static String pathSegmentAfter(String path, String segment) {
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals(segment)) {
                return parts[i + 1];
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static void dedupe(Map<String, Object> body, String array, String key) {
        if (body.get(array) instanceof List<?> list) {
            Set<Object> seen = new LinkedHashSet<>();
            List<Object> kept = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof Map<?, ?> m && seen.add(((Map<String, Object>) m).get(key))) {
                    kept.add(item);
                }
            }
            body.put(array, kept);
        }
    }

    private static void orderDates(Map<String, Object> body, String from, String to) {
        if (body.get(from) instanceof String a && body.get(to) instanceof String b && a.compareTo(b) > 0) {
            body.put(from, b);
            body.put(to, a);
        }
    }

    // ------------------------------------------------------------------ encoding

    /**
     * Percent-encodes a path segment or query component: everything but RFC 3986's unreserved
     * characters, as UTF-8; an unpaired surrogate as the three bytes a lenient encoder would write
     * for it (ED A0 80 for U+D800), which are not UTF-8.
     */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
                continue;
            }
            byte[] bytes;
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                bytes = value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes = new byte[] {(byte) 0xED, (byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F))};
            } else {
                bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            }
            for (byte b : bytes) {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }
}
