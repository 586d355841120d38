package id.smartcity.fuzz;

import static io.restassured.RestAssured.given;

import id.smartcity.platform.security.Roles;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the fuzzer knows about the data: the two regions (33.03, found or created, and another one
 * that the region-scoped callers may not see), the ids that exist, per collection path, the
 * entity tags last seen, and the callers with their tokens. Filled by {@link #setUp()} through the
 * API, then kept up to date from the fuzzer's own successful creations and deletions.
 */
final class World {

    static final String OWN = "33.03";
    static final String API = "/api/v1";

    /** A caller: a real role with a real signed token, or one of the ways of being no one. */
    static final class Caller {
        final String label;
        final double weight;
        /** The realm role of a real token; null for no role, no token or a token that is not valid. */
        final String role;
        /** Whether the caller sees region 33.03. */
        final boolean seesOwn;

        private final Supplier<String> authorization;
        private String cached;
        private long signedAt;

        Caller(String label, double weight, String role, boolean seesOwn, Supplier<String> authorization) {
            this.label = label;
            this.weight = weight;
            this.role = role;
            this.seesOwn = seesOwn;
            this.authorization = authorization;
        }

        /** The Authorization header, null for an anonymous caller; signed again every minute (tokens live 5). */
        synchronized String authorization() {
            long now = System.currentTimeMillis();
            if (cached == null || now - signedAt > 60_000) {
                cached = authorization.get();
                signedAt = now;
            }
            return cached;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    String other;
    final List<Caller> callers = new ArrayList<>();
    /** Concrete collection path → ids that exist in it (e.g. /api/v1/regions/33.03/stakeholders → uuids). */
    private final Map<String, List<String>> pools = new LinkedHashMap<>();
    /** Resource path → its last seen ETag, with a sequence number to prefer the newest. */
    private final Map<String, String> etags = new HashMap<>();
    /** FGD session id → its dimension (a quick win's session must be of the same dimension). */
    final Map<String, String> sessionDimension = new HashMap<>();

    final Map<String, Integer> frameworks = new LinkedHashMap<>();
    final List<String> cursors = new ArrayList<>();
    final Set<String> indicatorCodes = new LinkedHashSet<>();
    long lastAuditId;

    // ------------------------------------------------------------------ pools

    /** The pool key for a concrete path: ids replaced by {} (every second segment after /api/v1). */
    static String templateKey(String path) {
        String rest = path.startsWith(API) ? path.substring(API.length()) : path;
        String[] segments = rest.split("/", -1);
        StringBuilder key = new StringBuilder(API);
        for (int i = 1; i < segments.length; i++) {
            key.append('/').append(i % 2 == 0 ? "{}" : segments[i]);
        }
        return key.toString();
    }

    synchronized void add(String collection, String id) {
        List<String> ids = pools.computeIfAbsent(collection, k -> new ArrayList<>());
        if (!ids.contains(id)) {
            ids.add(id);
        }
    }

    synchronized void remove(String collection, String id) {
        List<String> ids = pools.get(collection);
        if (ids != null) {
            ids.remove(id);
        }
    }

    synchronized List<String> ids(String collection) {
        return new ArrayList<>(pools.getOrDefault(collection, List.of()));
    }

    /** Ids of every collection with the same shape (other regions, other parents). */
    synchronized List<String> idsLike(String collection) {
        String key = templateKey(collection);
        List<String> out = new ArrayList<>();
        pools.forEach((k, v) -> {
            if (templateKey(k).equals(key)) {
                v.forEach(id -> {
                    if (!out.contains(id)) {
                        out.add(id);
                    }
                });
            }
        });
        return out;
    }

    /** An id of the collection: from its own pool, else from any collection of its shape; null if none known. */
    String existing(Random random, String collection) {
        return existing(random, collection, null);
    }

    /** The same, preferring an id whose {@code child} collection has known ids (when a child is named). */
    String existing(Random random, String collection, String child) {
        List<String> own = ids(collection);
        if (child != null) {
            List<String> parents = own.stream()
                    .filter(id -> !ids(collection + "/" + id + "/" + child).isEmpty())
                    .toList();
            if (!parents.isEmpty()) {
                return parents.get(random.nextInt(parents.size()));
            }
        }
        if (own.isEmpty()) {
            own = idsLike(collection);
        }
        return own.isEmpty() ? null : own.get(random.nextInt(own.size()));
    }

    /** An id of a collection of the same shape but not of this one: another region's, another parent's. */
    String foreign(Random random, String collection) {
        List<String> own = ids(collection);
        List<String> like = idsLike(collection);
        like.removeAll(own);
        return like.isEmpty() ? null : like.get(random.nextInt(like.size()));
    }

    // ------------------------------------------------------------------ entity tags

    /** The path whose version an ETag of this path is: sub-resources that carry their parent's ETag map to it. */
    static String resourceKey(String path) {
        for (String part : new String[] {"/scores/", "/participants"}) {
            int at = path.indexOf(part);
            if (at > 0) {
                return path.substring(0, at);
            }
        }
        for (String suffix : new String[] {"/transitions", "/minutes", "/result"}) {
            if (path.endsWith(suffix)) {
                return path.substring(0, path.length() - suffix.length());
            }
        }
        return path;
    }

    synchronized void etag(String path, String etag) {
        etags.put(resourceKey(path), etag);
    }

    synchronized String etag(String path) {
        return etags.get(resourceKey(path));
    }

    // ------------------------------------------------------------------ callers

    private void callers() {
        String own = OWN;
        callers.add(new Caller(
                "admin",
                3,
                Roles.ADMIN,
                true,
                bearer(() -> Tokens.user("fuzz-admin").roles(Roles.ADMIN).sign())));
        callers.add(new Caller(
                "coordinator@" + own,
                3,
                Roles.COORDINATOR,
                true,
                bearer(() -> Tokens.user("fuzz-coordinator")
                        .roles(Roles.COORDINATOR)
                        .regions(own)
                        .sign())));
        callers.add(new Caller(
                "contributor@" + own,
                2,
                Roles.CONTRIBUTOR,
                true,
                bearer(() -> Tokens.user("fuzz-contributor")
                        .roles(Roles.CONTRIBUTOR)
                        .regions(own)
                        .sign())));
        callers.add(new Caller(
                "viewer@" + own,
                1.5,
                Roles.VIEWER,
                true,
                bearer(() -> Tokens.user("fuzz-viewer")
                        .roles(Roles.VIEWER)
                        .regions(own)
                        .sign())));
        callers.add(new Caller(
                "auditor@" + own,
                1,
                Roles.AUDITOR,
                true,
                bearer(() -> Tokens.user("fuzz-auditor")
                        .roles(Roles.AUDITOR)
                        .regions(own)
                        .sign())));
        callers.add(new Caller(
                "auditor(no region claim)",
                1,
                Roles.AUDITOR,
                true,
                bearer(() ->
                        Tokens.user("fuzz-auditor-all").roles(Roles.AUDITOR).sign())));
        callers.add(new Caller(
                "coordinator@other-region",
                1,
                Roles.COORDINATOR,
                false,
                bearer(() -> Tokens.user("fuzz-outsider")
                        .roles(Roles.COORDINATOR)
                        .regions(other)
                        .sign())));
        callers.add(new Caller(
                "service-account(coordinator@" + own + ")",
                1,
                Roles.COORDINATOR,
                true,
                bearer(() -> Tokens.user("service-account-fuzz-sipd")
                        .claim("azp", "fuzz-sipd")
                        .claim("client_id", "fuzz-sipd")
                        .roles(Roles.COORDINATOR)
                        .regions(own)
                        .sign())));
        callers.add(new Caller(
                "no-role@" + own,
                0.4,
                null,
                true,
                bearer(() -> Tokens.user("fuzz-nobody").regions(own).sign())));
        callers.add(new Caller("anonymous", 0.4, null, false, () -> null));
        callers.add(new Caller("garbage:not-a-jwt", 0.1, null, false, () -> "Bearer not.a.jwt"));
        callers.add(new Caller("garbage:empty-bearer", 0.05, null, false, () -> "Bearer "));
        callers.add(new Caller(
                "garbage:basic-scheme",
                0.05,
                null,
                false,
                () -> "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8))));
        callers.add(new Caller(
                "garbage:expired",
                0.1,
                null,
                false,
                bearer(() -> Tokens.user("fuzz-expired")
                        .roles(Roles.ADMIN)
                        .claim("iat", Instant.now().getEpochSecond() - 4000)
                        .claim("exp", Instant.now().getEpochSecond() - 3000)
                        .sign())));
        callers.add(new Caller(
                "garbage:alg-none",
                0.1,
                null,
                false,
                bearer(() -> Tokens.user("fuzz-none").roles(Roles.ADMIN).unsigned())));
        callers.add(new Caller(
                "garbage:wrong-audience",
                0.05,
                null,
                false,
                bearer(() -> Tokens.user("fuzz-aud")
                        .roles(Roles.ADMIN)
                        .claim("aud", "someone-else")
                        .sign())));
        callers.add(new Caller(
                "garbage:hs256-public-key",
                0.05,
                null,
                false,
                bearer(() -> Tokens.user("fuzz-hs").roles(Roles.ADMIN).hs256WithPublicKey())));
        PrivateKey stranger = strangerKey();
        callers.add(new Caller(
                "garbage:foreign-key",
                0.05,
                null,
                false,
                bearer(() -> Tokens.user("fuzz-foreign")
                        .roles(Roles.ADMIN)
                        .signedWith(stranger)
                        .sign())));
        callers.add(new Caller(
                "garbage:tampered-roles",
                0.05,
                null,
                false,
                bearer(() -> Tokens.user("fuzz-tampered")
                        .roles(Roles.VIEWER)
                        .regions(own)
                        .tampered("realm_access", Map.of("roles", List.of(Roles.ADMIN))))));
    }

    private static Supplier<String> bearer(Supplier<String> token) {
        return () -> "Bearer " + token.get();
    }

    private static PrivateKey strangerKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Caller caller(String label) {
        return callers.stream().filter(c -> c.label.equals(label)).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------ set-up through the API

    private static String admin() {
        return Tokens.user("fuzz-setup-admin").roles(Roles.ADMIN).sign();
    }

    private static String coordinator(String region) {
        return Tokens.user("fuzz-setup-coordinator")
                .roles(Roles.COORDINATOR)
                .regions(region)
                .sign();
    }

    private static Response post(String token, String path, Object body, int expected) {
        Response r = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(path);
        if (r.statusCode() != expected) {
            throw new IllegalStateException(
                    "Set-up: POST " + path + " answered " + r.statusCode() + ", not " + expected + ": " + r.asString());
        }
        return r;
    }

    private static Response send(String method, String token, String path, String contentType, Object body) {
        var spec = given().auth().oauth2(token);
        if (body != null) {
            spec = spec.contentType(contentType).body(body);
        }
        Response r = spec.request(method, path);
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(
                    "Set-up: " + method + " " + path + " answered " + r.statusCode() + ": " + r.asString());
        }
        return r;
    }

    /** Creates (or finds) what the fuzzer needs, as an admin and a coordinator, through the API. */
    void setUp() {
        String admin = admin();
        Response region = given().auth().oauth2(admin).get(API + "/regions/" + OWN);
        if (region.statusCode() == 404) {
            post(
                    admin,
                    API + "/regions",
                    Map.of(
                            "code",
                            OWN,
                            "name",
                            "Kabupaten Purbalingga",
                            "type",
                            "KABUPATEN",
                            "province",
                            "Jawa Tengah",
                            "cohortYear",
                            2024),
                    201);
            System.out.println("[fuzz] region " + OWN + " was missing: created");
        } else if (region.statusCode() == 200) {
            System.out.println("[fuzz] region " + OWN + " exists: " + region.path("name"));
        } else {
            throw new IllegalStateException("GET region " + OWN + ": " + region.statusCode() + " " + region.asString());
        }
        other = TestData.createRegion("Kabupaten Fuzz Seberang");
        callers();

        for (String code : List.of(OWN, other)) {
            seedRegion(code, admin, coordinator(code));
        }

        // A framework version of the fuzzer's own, not used by any assessment: PUT may replace it.
        Map<String, Object> framework = framework("FUZZ_BASE");
        JsonPath created =
                post(admin, API + "/assessment-frameworks", framework, 201).jsonPath();
        frameworks.put(created.getString("code"), created.getInt("version"));
        for (String code : List.of("READINESS", "NATIONAL_EVALUATION", created.getString("code"))) {
            JsonPath list = given().auth()
                    .oauth2(admin)
                    .queryParam("code", code)
                    .queryParam("limit", 100)
                    .get(API + "/assessment-frameworks")
                    .jsonPath();
            for (Object v : list.getList("items.version")) {
                add(API + "/assessment-frameworks/" + code + "/versions", v.toString());
                frameworks.merge(code, Integer.parseInt(v.toString()), Math::max);
            }
            add(API + "/assessment-frameworks", code);
            JsonPath definition = given().auth()
                    .oauth2(admin)
                    .get(API + "/assessment-frameworks/" + code + "/versions/1")
                    .jsonPath();
            for (Object indicator : definition.getList("definition.pillars.indicators.code.flatten()")) {
                indicatorCodes.add(indicator.toString());
            }
        }
        for (String code : List.of(OWN, other)) {
            for (String assessment : ids(API + "/regions/" + code + "/readiness-assessments")) {
                indicatorCodes.forEach(
                        i -> add(API + "/regions/" + code + "/readiness-assessments/" + assessment + "/scores", i));
            }
        }
        for (Object dimension :
                given().auth().oauth2(admin).get(API + "/dimensions").jsonPath().getList("items.code")) {
            add(API + "/dimensions", dimension.toString());
        }
        refreshAudit(admin);
    }

    /** The newest audit events' ids and a cursor, for the path and query parameters that take them. */
    void refreshAudit(String token) {
        JsonPath page = given().auth()
                .oauth2(token)
                .queryParam("limit", 100)
                .get(API + "/audit-events")
                .jsonPath();
        for (Object id : page.getList("items.id")) {
            add(API + "/audit-events", id.toString());
            lastAuditId = Math.max(lastAuditId, Long.parseLong(id.toString()));
        }
        String cursor = page.getString("nextCursor");
        if (cursor != null && !cursors.contains(cursor)) {
            cursors.add(cursor);
        }
    }

    private void seedRegion(String code, String admin, String coordinator) {
        String base = API + "/regions/" + code;
        List<String> stakeholders = new ArrayList<>();
        String[][] people = {
            {"Dinas Komunikasi dan Informatika", "GOVERNMENT_AGENCY", "GOVERNANCE", "LEAD"},
            {"Bappelitbangda", "GOVERNMENT_AGENCY", "ECONOMY", "MEMBER"},
            {"Universitas Perwira", "ACADEMIA", "LIVING", "MEMBER"},
            {"Relawan TIK", "ICT_COMMUNITY", "SOCIETY", "MEMBER"},
            {"Radar Banyumas", "MEDIA", "BRANDING", "MEMBER"},
            {"Bank Jateng", "BUSINESS", "ECONOMY", "MEMBER"},
            {"Komunitas Peduli Sungai", "COMMUNITY", "ENVIRONMENT", "MEMBER"}
        };
        for (String[] p : people) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", p[0]);
            body.put("kind", p[1]);
            body.put("organisation", "Pemerintah Kabupaten");
            body.put("email", "fuzz." + stakeholders.size() + "@example.org");
            body.put("phone", "0281-89123" + stakeholders.size());
            body.put("memberships", List.of(Map.of("dimension", p[2], "role", p[3])));
            String id = post(admin, base + "/stakeholders", body, 201).path("id");
            stakeholders.add(id);
            add(base + "/stakeholders", id);
        }

        // A Bimtek stage that the sessions are held in.
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("cohortYear", 2024);
        stage.put("stageNumber", 2);
        stage.put("title", "Bimtek Smart City Tahap II");
        stage.put("days", List.of(Map.of("day", 1, "date", "2024-07-11"), Map.of("day", 2, "date", "2024-07-12")));
        stage.put("venue", "Gedung Ardilawet");
        stage.put("facilitators", List.of(Map.of("name", "Narasumber", "stakeholderId", stakeholders.get(0))));
        String stageId = post(coordinator, base + "/bimtek-stages", stage, 201).path("id");
        add(base + "/bimtek-stages", stageId);

        // A session ready to be HELD (attendance and minutes), and a plain one.
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("title", "FGD Smart Governance");
        session.put("dimension", "GOVERNANCE");
        session.put("bimtekStage", 2);
        session.put("bimtekDay", 1);
        session.put("scheduledStart", "2024-07-11T09:00:00+07:00");
        session.put("scheduledEnd", "2024-07-11T12:00:00+07:00");
        session.put("venue", "Gedung Ardilawet");
        session.put("facilitatorStakeholderId", stakeholders.get(0));
        session.put("bimtekStageId", stageId);
        String ready = post(coordinator, base + "/fgd-sessions", session, 201).path("id");
        add(base + "/fgd-sessions", ready);
        sessionDimension.put(ready, "GOVERNANCE");
        String sessionPath = base + "/fgd-sessions/" + ready;
        send(
                "POST",
                coordinator,
                sessionPath + "/participants",
                "application/json",
                Map.of("stakeholderIds", stakeholders.subList(0, 4)));
        stakeholders.subList(0, 4).forEach(s -> add(sessionPath + "/participants", s));
        send(
                "PATCH",
                coordinator,
                sessionPath + "/participants",
                "application/json",
                Map.of(
                        "updates",
                        List.of(
                                Map.of("stakeholderId", stakeholders.get(0), "attendance", "ATTENDED"),
                                Map.of("stakeholderId", stakeholders.get(1), "attendance", "ABSENT"))));
        send(
                "PUT",
                coordinator,
                sessionPath + "/minutes",
                "application/json",
                Map.of(
                        "summary",
                        "Peserta menyepakati layanan pengaduan terpadu.",
                        "decisions",
                        List.of(Map.of("text", "Quick win: SP4N-LAPOR di semua OPD", "responsible", "Dinkominfo"))));
        Map<String, Object> living = new LinkedHashMap<>(session);
        living.put("title", "FGD Smart Living");
        living.put("dimension", "LIVING");
        living.put("scheduledStart", "2024-07-12T09:00:00+07:00");
        living.put("scheduledEnd", "2024-07-12T11:00:00+07:00");
        living.remove("facilitatorStakeholderId");
        String plain = post(coordinator, base + "/fgd-sessions", living, 201).path("id");
        add(base + "/fgd-sessions", plain);
        sessionDimension.put(plain, "LIVING");

        // Quick wins: one approved with milestones, reports and a KPI, one just proposed.
        Map<String, Object> quickWin = new LinkedHashMap<>();
        quickWin.put("title", "Layanan pengaduan terpadu daring");
        quickWin.put("description", "SP4N-LAPOR di semua OPD");
        quickWin.put("dimension", "GOVERNANCE");
        quickWin.put("fgdSessionId", ready);
        quickWin.put("leadStakeholderId", stakeholders.get(0));
        quickWin.put("partnerStakeholderIds", List.of(stakeholders.get(2)));
        quickWin.put("plannedBudget", "150000000.00");
        quickWin.put("fundingSource", "APBD");
        quickWin.put("targetYear", 2025);
        quickWin.put("startDate", "2025-01-06");
        quickWin.put("endDate", "2025-12-19");
        String approved = post(coordinator, base + "/quick-wins", quickWin, 201).path("id");
        Map<String, Object> proposed = new LinkedHashMap<>(quickWin);
        proposed.put("title", "Bank sampah digital");
        proposed.put("dimension", "ENVIRONMENT");
        proposed.remove("fgdSessionId");
        String fresh = post(coordinator, base + "/quick-wins", proposed, 201).path("id");
        for (String qw : List.of(approved, fresh)) {
            add(base + "/quick-wins", qw);
            String qwPath = base + "/quick-wins/" + qw;
            for (int i = 1; i <= 3; i++) {
                String m = post(
                                coordinator,
                                qwPath + "/milestones",
                                Map.of("title", "Tahap " + i, "weight", i, "dueDate", "2025-0" + (i + 2) + "-01"),
                                201)
                        .path("id");
                add(qwPath + "/milestones", m);
            }
            String kpi = post(
                            coordinator,
                            qwPath + "/kpis",
                            Map.of(
                                    "name",
                                    "Pengaduan selesai 5 hari",
                                    "unit",
                                    "%",
                                    "baseline",
                                    40,
                                    "target",
                                    90,
                                    "direction",
                                    "HIGHER_IS_BETTER"),
                            201)
                    .path("id");
            add(qwPath + "/kpis", kpi);
            post(
                    coordinator,
                    qwPath + "/progress-reports",
                    Map.of("reportDate", "2025-02-01", "percent", 10, "narrative", "Mulai", "budgetRealised", "1.50"),
                    201);
        }
        post(coordinator, base + "/quick-wins/" + approved + "/transitions", Map.of("to", "APPROVED"), 200);

        // Assessments: a draft with a score, and one per framework period for the lists.
        String assessment = post(
                        coordinator,
                        base + "/readiness-assessments",
                        Map.of("frameworkCode", "READINESS", "frameworkVersion", 1, "period", "2024"),
                        201)
                .path("id");
        add(base + "/readiness-assessments", assessment);
        send(
                "PUT",
                coordinator,
                base + "/readiness-assessments/" + assessment + "/scores/SDM",
                "application/json",
                Map.of("score", 3.5, "evidence", "Perbup Masterplan", "links", List.of("https://example.org/a.pdf")));
        String national = post(
                        coordinator,
                        base + "/readiness-assessments",
                        Map.of("frameworkCode", "NATIONAL_EVALUATION", "frameworkVersion", 1, "period", "2024-S1"),
                        201)
                .path("id");
        add(base + "/readiness-assessments", national);
    }

    /** A valid framework version body (weights, unique codes, bands ending at 5.0). */
    static Map<String, Object> framework(String code) {
        List<String> levels = List.of("Rintisan", "Terkelola", "Terdefinisi", "Terpadu", "Optimum");
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("levelNames", levels);
        List<Object> pillars = new ArrayList<>();
        for (String pillar : List.of("P1", "P2")) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("code", code.substring(0, Math.min(code.length(), 30)) + "_" + pillar);
            p.put("name", Map.of("id", "Pilar " + pillar, "en", "Pillar " + pillar));
            p.put("weight", pillar.equals("P1") ? 2 : 1);
            p.put(
                    "indicators",
                    List.of(Map.of(
                            "code",
                            code.substring(0, Math.min(code.length(), 30)) + "_" + pillar + "_I",
                            "name",
                            Map.of("id", "Indikator " + pillar, "en", "Indicator " + pillar),
                            "weight",
                            1,
                            "levels",
                            levels)));
            pillars.add(p);
        }
        definition.put("pillars", pillars);
        definition.put(
                "bands",
                List.of(
                        Map.of("upTo", 2.5, "predicate", Map.of("id", "Rendah", "en", "Low")),
                        Map.of("upTo", 5.0, "predicate", Map.of("id", "Tinggi", "en", "High"))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", Map.of("id", "Kerangka " + code, "en", "Framework " + code));
        body.put("description", "Dibuat oleh fuzzer");
        body.put("definition", definition);
        return body;
    }

    static String randomUuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
