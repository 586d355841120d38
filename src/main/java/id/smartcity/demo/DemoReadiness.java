package id.smartcity.demo;

import id.smartcity.audit.AuditAction;
import id.smartcity.audit.AuditTrail;
import id.smartcity.readiness.AssessmentStatus;
import id.smartcity.readiness.FrameworkVersion;
import id.smartcity.readiness.ReadinessAssessment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The demo's readiness assessments of Purbalingga, part of {@link DemoData} (in its transaction):
 * a verified 2024 assessment and a 2025 draft.
 */
@ApplicationScoped
class DemoReadiness {

    private static final ZoneOffset WIB = ZoneOffset.ofHours(7);

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    /**
     * A verified 2024 readiness assessment (submitted and verified by two different demo users)
     * and a 2025 draft with six of nine indicators scored.
     */
    void load() {
        FrameworkVersion framework = em.createQuery(
                        "from FrameworkVersion where frameworkCode = 'READINESS' and version = 1",
                        FrameworkVersion.class)
                .getSingleResult();
        Map<String, String> scores2024 = new LinkedHashMap<>();
        scores2024.put("SDM", "2.8");
        scores2024.put("BIROKRASI", "3.0");
        scores2024.put("ANGGARAN", "2.6");
        scores2024.put("FISIK", "3.4");
        // 95 % 4G/3G coverage, broadband in 25 % of households (2023 selection).
        scores2024.put("DIGITAL", "3.6");
        scores2024.put("SOSIAL", "3.1");
        scores2024.put("KELEMBAGAAN", "3.3");
        scores2024.put("KEBIJAKAN_REGULASI", "2.9");
        scores2024.put("PENEGAKAN_HUKUM", "2.5");
        ReadinessAssessment verified = assessment(framework, "2024", scores2024);
        verified.status = AssessmentStatus.VERIFIED;
        verified.submittedBy = "demo-coordinator";
        verified.submittedAt = OffsetDateTime.of(2024, 7, 12, 15, 0, 0, 0, WIB);
        verified.verifiedBy = "demo-auditor";
        verified.verifiedAt = OffsetDateTime.of(2024, 7, 26, 10, 0, 0, 0, WIB);
        audit.record(
                AuditAction.VERIFY,
                ReadinessAssessment.AUDIT_TYPE,
                verified.id.toString(),
                DemoData.PURBALINGGA,
                Map.of("status", AssessmentStatus.SUBMITTED.name()),
                Map.of("status", AssessmentStatus.VERIFIED.name()));
        Map<String, String> scores2025 = new LinkedHashMap<>();
        scores2025.put("SDM", "3.1");
        scores2025.put("BIROKRASI", "3.2");
        scores2025.put("ANGGARAN", "2.8");
        scores2025.put("FISIK", "3.5");
        scores2025.put("DIGITAL", "3.9");
        scores2025.put("SOSIAL", "3.3");
        assessment(framework, "2025", scores2025);
    }

    private ReadinessAssessment assessment(FrameworkVersion framework, String period, Map<String, String> scores) {
        ReadinessAssessment a = new ReadinessAssessment();
        a.id = UUID.nameUUIDFromBytes(("demo-readiness-" + period).getBytes(StandardCharsets.UTF_8));
        a.regionCode = DemoData.PURBALINGGA;
        a.framework = framework;
        a.period = period;
        em.persist(a);
        audit.created(
                ReadinessAssessment.AUDIT_TYPE,
                a.id.toString(),
                DemoData.PURBALINGGA,
                Map.of("frameworkCode", "READINESS", "frameworkVersion", 1, "period", period));
        scores.forEach((indicator, score) -> {
            a.scores.add(new ReadinessAssessment.Score(indicator, new BigDecimal(score), "Penilaian demo", null));
            audit.record(
                    AuditAction.SCORE,
                    ReadinessAssessment.AUDIT_TYPE,
                    a.id.toString(),
                    DemoData.PURBALINGGA,
                    null,
                    Map.of("indicatorCode", indicator, "score", score));
        });
        return a;
    }
}
