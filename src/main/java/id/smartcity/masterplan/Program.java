package id.smartcity.masterplan;

import id.smartcity.dimension.DimensionCode;
import id.smartcity.platform.persistence.RegionScopedEntity;
import id.smartcity.quickwin.FundingSource;
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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/** A program of one masterplan version. */
@Entity
@Table(name = "masterplan_program")
public class Program extends RegionScopedEntity {

    /** Audit entity id: {@code <masterplan id>/<program id>}. */
    public static final String AUDIT_TYPE = "MASTERPLAN_PROGRAM";

    @Column(name = "masterplan_id")
    public UUID masterplanId;

    /** The same in every version copied from the one it was first drafted in. */
    @Column(name = "program_key")
    public UUID programKey;

    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "dimension_code")
    public DimensionCode dimension;

    @Column(name = "element_code")
    public String element;

    @Enumerated(EnumType.STRING)
    public Horizon horizon;

    @Column(name = "start_year")
    public int startYear;

    @Column(name = "end_year")
    public int endYear;

    @Column(name = "lead_stakeholder_id")
    public UUID leadStakeholderId;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "masterplan_program_partner", joinColumns = @JoinColumn(name = "program_id"))
    @Column(name = "stakeholder_id")
    public Set<UUID> partners = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "masterplan_program_budget", joinColumns = @JoinColumn(name = "program_id"))
    @OrderColumn(name = "position")
    public List<BudgetLine> budget = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "funding_source")
    public FundingSource fundingSource;

    /** The output indicators as JSON (a list of {name, unit, targets[{year, value}]}). */
    public String indicators = "[]";

    @Column(name = "fgd_session_id")
    public UUID fgdSessionId;

    @Column(name = "quick_win_id")
    public UUID quickWinId;

    /** The audit trail's entity id. */
    public String auditId() {
        return masterplanId + "/" + id;
    }

    /** The indicative budget of one year. */
    @Embeddable
    public static class BudgetLine {

        public int year;

        public BigDecimal amount;

        public BudgetLine() {}

        public BudgetLine(int year, BigDecimal amount) {
            this.year = year;
            this.amount = amount;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BudgetLine b
                    && b.year == year
                    && (Objects.equals(b.amount, amount)
                            || (b.amount != null && amount != null && b.amount.compareTo(amount) == 0));
        }

        @Override
        public int hashCode() {
            return Objects.hash(year);
        }
    }
}
