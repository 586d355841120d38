package id.smartcity.changes;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one map from an audited entity type to its name in the change feed and to the API path an
 * integrator reads it at ({@code href}). A new audited entity type adds a constant here and its
 * types to {@link ChangeType}.
 *
 * <p>Parts of a quick win (milestones, progress reports, KPIs) have no path of their own: their
 * {@code href} is their list under the quick win, whose id the feed looks up ({@code parent}); a
 * deleted part has no row left to look it up in, and no {@code href}.
 */
public enum ChangeEntity {
    REGION("region", false, (r) -> "/regions/" + r.regionCode()),
    STAKEHOLDER("stakeholder", false, (r) -> region(r) + "/stakeholders/" + r.entityId()),
    FGD_SESSION("fgd-session", false, (r) -> region(r) + "/fgd-sessions/" + r.entityId()),
    /** Entity id {@code <session id>/<stakeholder id>}. */
    FGD_PARTICIPANT(
            "fgd-participant", false, (r) -> region(r) + "/fgd-sessions/" + before(r.entityId()) + "/participants"),
    /** Entity id: the session's. */
    FGD_MINUTES("fgd-minutes", false, (r) -> region(r) + "/fgd-sessions/" + r.entityId() + "/minutes"),
    READINESS_ASSESSMENT("readiness-assessment", false, (r) -> region(r) + "/readiness-assessments/" + r.entityId()),
    /** Entity id {@code <code>/<version>}; no region. */
    FRAMEWORK_VERSION(
            "framework-version",
            false,
            (r) -> "/assessment-frameworks/" + before(r.entityId()) + "/versions/" + after(r.entityId())),
    QUICK_WIN("quick-win", false, (r) -> region(r) + "/quick-wins/" + r.entityId()),
    MILESTONE("milestone", true, (r) -> region(r) + "/quick-wins/" + r.parentId() + "/milestones"),
    PROGRESS_REPORT("progress-report", true, (r) -> region(r) + "/quick-wins/" + r.parentId() + "/progress-reports"),
    KPI("kpi", true, (r) -> region(r) + "/quick-wins/" + r.parentId() + "/kpis"),
    BIMTEK_STAGE("bimtek-stage", false, (r) -> region(r) + "/bimtek-stages/" + r.entityId()),
    MASTERPLAN("masterplan", false, (r) -> region(r) + "/masterplans/" + r.entityId()),
    /** Entity id {@code <masterplan id>/<program id>}. */
    MASTERPLAN_PROGRAM(
            "masterplan-program",
            false,
            (r) -> region(r) + "/masterplans/" + before(r.entityId()) + "/programs/" + after(r.entityId())),
    DOCUMENT("document", false, (r) -> region(r) + "/documents/" + r.entityId());

    /** The API's base path: hrefs are absolute paths on the API's host. */
    public static final String API = "/api/v1";

    /** What an href is made of. {@code parentId} is the owning quick win's id, for parts. */
    public record Ref(String regionCode, String entityId, String parentId) {}

    private static final Map<String, ChangeEntity> BY_AUDIT_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Enum::name, e -> e));

    /** The kebab-case name in event types and in {@code entity.type}. */
    public final String wireName;

    /** Whether the href needs the owning quick win's id (looked up in {@link #partTable()}). */
    public final boolean partOfQuickWin;

    private final Function<Ref, String> path;

    ChangeEntity(String wireName, boolean partOfQuickWin, Function<Ref, String> path) {
        this.wireName = wireName;
        this.partOfQuickWin = partOfQuickWin;
        this.path = path;
    }

    /** The audit trail's entity type ({@code QUICK_WIN}), which is this constant's name. */
    public String auditType() {
        return name();
    }

    public static Optional<ChangeEntity> ofAuditType(String auditType) {
        return Optional.ofNullable(BY_AUDIT_TYPE.get(auditType));
    }

    /** The table holding a quick-win part, with its {@code quick_win_id}; null for other types. */
    String partTable() {
        return switch (this) {
            case MILESTONE -> "milestone";
            case PROGRESS_REPORT -> "progress_report";
            case KPI -> "kpi";
            default -> null;
        };
    }

    /** The API path of the entity, or empty when it cannot be made (a deleted part). */
    public Optional<String> href(Ref ref) {
        if (partOfQuickWin && ref.parentId() == null) {
            return Optional.empty();
        }
        if (this != FRAMEWORK_VERSION && this != REGION && ref.regionCode() == null) {
            return Optional.empty();
        }
        return Optional.of(API + path.apply(ref));
    }

    /** The kebab-case name of an audit entity type this enum does not know (a newer feature). */
    static String kebab(String auditType) {
        return auditType.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static String region(Ref r) {
        return "/regions/" + r.regionCode();
    }

    private static String before(String id) {
        int slash = id.indexOf('/');
        return slash < 0 ? id : id.substring(0, slash);
    }

    private static String after(String id) {
        int slash = id.indexOf('/');
        return slash < 0 ? "" : id.substring(slash + 1);
    }
}
