package id.smartcity.masterplan;

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

/** A version of a region's Smart City masterplan. Its period is startYear .. startYear + 9. */
@Entity
@Table(name = "masterplan")
public class Masterplan extends RegionScopedEntity {

    public static final String AUDIT_TYPE = "MASTERPLAN";

    /** The plan covers ten years. */
    public static final int PERIOD_YEARS = 10;

    /** 1, 2, 3 … per region, in the order of creation. */
    public int number;

    public String title;

    public String vision;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "masterplan_mission", joinColumns = @JoinColumn(name = "masterplan_id"))
    @OrderColumn(name = "position")
    @Column(name = "text")
    public List<String> mission = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "masterplan_goal", joinColumns = @JoinColumn(name = "masterplan_id"))
    @OrderColumn(name = "position")
    public List<Goal> goals = new ArrayList<>();

    @Column(name = "start_year")
    public int startYear;

    @Column(name = "copied_from_id")
    public UUID copiedFromId;

    @Enumerated(EnumType.STRING)
    public MasterplanStatus status = MasterplanStatus.DRAFT;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_changed_at")
    public OffsetDateTime statusChangedAt;

    @Column(name = "regulation_number")
    public String regulationNumber;

    @Column(name = "regulation_date")
    public LocalDate regulationDate;

    @Column(name = "superseded_by_id")
    public UUID supersededById;

    public int endYear() {
        return startYear + PERIOD_YEARS - 1;
    }

    /** One goal of one dimension. */
    @Embeddable
    public static class Goal {

        @Enumerated(EnumType.STRING)
        @Column(name = "dimension_code")
        public DimensionCode dimension;

        public String text;

        public Goal() {}

        public Goal(DimensionCode dimension, String text) {
            this.dimension = dimension;
            this.text = text;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Goal g && g.dimension == dimension && Objects.equals(g.text, text);
        }

        @Override
        public int hashCode() {
            return Objects.hash(dimension, text);
        }
    }
}
