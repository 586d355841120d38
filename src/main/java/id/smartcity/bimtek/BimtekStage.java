package id.smartcity.bimtek;

import id.smartcity.dimension.DimensionCode;
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
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * One of the four Bimtek (technical guidance) stages of a region's cohort year. Its days,
 * facilitators and expected outputs belong to it; the FGD sessions held in it point to it
 * ({@code fgd_session.bimtek_stage_id}) and are read, never stored, with it.
 */
@Entity
@Table(name = "bimtek_stage")
public class BimtekStage extends RegionScopedEntity {

    public static final String AUDIT_TYPE = "BIMTEK_STAGE";

    @Column(name = "cohort_year")
    public int cohortYear;

    @Column(name = "stage_number")
    public int stageNumber;

    public String title;

    public String venue;

    @Enumerated(EnumType.STRING)
    public BimtekStatus status = BimtekStatus.PLANNED;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_changed_at")
    public OffsetDateTime statusChangedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "bimtek_stage_day", joinColumns = @JoinColumn(name = "stage_id"))
    @OrderBy("dayNumber")
    public List<Day> days = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "bimtek_stage_facilitator", joinColumns = @JoinColumn(name = "stage_id"))
    @OrderColumn(name = "position")
    public List<Facilitator> facilitators = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "bimtek_stage_output", joinColumns = @JoinColumn(name = "stage_id"))
    @OrderColumn(name = "position")
    public List<Output> outputs = new ArrayList<>();

    /** One day of the stage. */
    @Embeddable
    public static class Day {

        @Column(name = "day_number")
        public int dayNumber;

        @Column(name = "day_date")
        public LocalDate date;

        public Day() {}

        public Day(int dayNumber, LocalDate date) {
            this.dayNumber = dayNumber;
            this.date = date;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Day d && dayNumber == d.dayNumber && Objects.equals(date, d.date);
        }

        @Override
        public int hashCode() {
            return Objects.hash(dayNumber, date);
        }
    }

    /** A facilitator: a name, and the region's stakeholder they are, if any. */
    @Embeddable
    public static class Facilitator {

        public String name;

        @Column(name = "stakeholder_id")
        public UUID stakeholderId;

        public Facilitator() {}

        public Facilitator(String name, UUID stakeholderId) {
            this.name = name;
            this.stakeholderId = stakeholderId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Facilitator f
                    && Objects.equals(name, f.name)
                    && Objects.equals(stakeholderId, f.stakeholderId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, stakeholderId);
        }
    }

    /** An expected output of the stage, of one dimension or (none) of the whole region. */
    @Embeddable
    public static class Output {

        @Enumerated(EnumType.STRING)
        @Column(name = "dimension_code")
        public DimensionCode dimension;

        public String description;

        public Output() {}

        public Output(DimensionCode dimension, String description) {
            this.dimension = dimension;
            this.description = description;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Output x && dimension == x.dimension && Objects.equals(description, x.description);
        }

        @Override
        public int hashCode() {
            return Objects.hash(dimension, description);
        }
    }
}
