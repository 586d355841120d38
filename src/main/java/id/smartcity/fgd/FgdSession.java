package id.smartcity.fgd;

import id.smartcity.dimension.DimensionCode;
import id.smartcity.platform.persistence.RegionScopedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A Focus Group Discussion. Its participants and minutes belong to it: every change to them moves
 * the session's version, which is the ETag of all three.
 */
@Entity
@Table(name = "fgd_session")
public class FgdSession extends RegionScopedEntity {

    public static final String AUDIT_TYPE = "FGD_SESSION";

    public String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "dimension_code")
    public DimensionCode dimension;

    @Column(name = "bimtek_stage")
    public int bimtekStage;

    @Column(name = "bimtek_day")
    public int bimtekDay;

    /** The Bimtek stage the session is held in, if linked; its number is {@link #bimtekStage}. */
    @Column(name = "bimtek_stage_id")
    public UUID bimtekStageId;

    @Column(name = "scheduled_start")
    public OffsetDateTime scheduledStart;

    @Column(name = "scheduled_end")
    public OffsetDateTime scheduledEnd;

    public String venue;

    @Column(name = "facilitator_stakeholder_id")
    public UUID facilitatorStakeholderId;

    @Column(name = "facilitator_name")
    public String facilitatorName;

    public String agenda;

    @Enumerated(EnumType.STRING)
    public FgdStatus status = FgdStatus.PLANNED;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_changed_at")
    public OffsetDateTime statusChangedAt;

    @Column(name = "minutes_summary")
    public String minutesSummary;

    @Column(name = "minutes_recorded_at")
    public OffsetDateTime minutesRecordedAt;

    @ElementCollection
    @CollectionTable(name = "fgd_decision", joinColumns = @JoinColumn(name = "session_id"))
    @OrderColumn(name = "position")
    public List<Decision> decisions = new ArrayList<>();

    public boolean hasMinutes() {
        return minutesSummary != null;
    }

    /** One decision in the minutes. */
    @Embeddable
    public static class Decision {

        public String text;

        public String responsible;

        public Decision() {}

        public Decision(String text, String responsible) {
            this.text = text;
            this.responsible = responsible;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Decision d
                    && Objects.equals(text, d.text)
                    && Objects.equals(responsible, d.responsible);
        }

        @Override
        public int hashCode() {
            return Objects.hash(text, responsible);
        }
    }
}
