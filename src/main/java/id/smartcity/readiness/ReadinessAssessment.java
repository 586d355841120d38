package id.smartcity.readiness;

import id.smartcity.platform.persistence.RegionScopedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/** One assessment of a region under one framework version for a period. */
@Entity
@Table(name = "readiness_assessment")
public class ReadinessAssessment extends RegionScopedEntity {

    public static final String AUDIT_TYPE = "READINESS_ASSESSMENT";

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "framework_version_id")
    public FrameworkVersion framework;

    /** {@code 2024}, {@code 2024-S1} or {@code 2024-Q3}. */
    public String period;

    @Enumerated(EnumType.STRING)
    public AssessmentStatus status = AssessmentStatus.DRAFT;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "verified_by")
    public String verifiedBy;

    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;

    // Batched (quarkus.hibernate-orm.fetch.batch-size), not SUBSELECT: a subselect repeats the
    // owners' query without its limit.
    @ElementCollection
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "readiness_score", joinColumns = @JoinColumn(name = "assessment_id"))
    public List<Score> scores = new ArrayList<>();

    /** One indicator's score with its evidence. */
    @Embeddable
    public static class Score {

        @Column(name = "indicator_code")
        public String indicatorCode;

        public BigDecimal score;

        public String evidence;

        /** Newline-separated URLs; the server never fetches them. */
        @Column(name = "evidence_links")
        public String evidenceLinks;

        public Score() {}

        public Score(String indicatorCode, BigDecimal score, String evidence, String evidenceLinks) {
            this.indicatorCode = indicatorCode;
            this.score = score;
            this.evidence = evidence;
            this.evidenceLinks = evidenceLinks;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Score s
                    && Objects.equals(indicatorCode, s.indicatorCode)
                    && score != null
                    && s.score != null
                    && score.compareTo(s.score) == 0
                    && Objects.equals(evidence, s.evidence)
                    && Objects.equals(evidenceLinks, s.evidenceLinks);
        }

        @Override
        public int hashCode() {
            return Objects.hash(indicatorCode, evidence, evidenceLinks);
        }
    }
}
