package id.smartcity.quickwin;

import id.smartcity.dimension.DimensionCode;
import id.smartcity.platform.persistence.RegionScopedEntity;
import id.smartcity.platform.persistence.TextSearch;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/** A quick win (program unggulan). Its progress is derived (view quick_win_progress), never stored. */
@Entity
@Table(name = "quick_win")
public class QuickWin extends RegionScopedEntity {

    public static final String AUDIT_TYPE = "QUICK_WIN";

    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "dimension_code")
    public DimensionCode dimension;

    @Column(name = "fgd_session_id")
    public UUID fgdSessionId;

    @Column(name = "lead_stakeholder_id")
    public UUID leadStakeholderId;

    // Eager: a handful of ids, shown in every representation, also after the transaction ends.
    // Batched (quarkus.hibernate-orm.fetch.batch-size), not SUBSELECT: a subselect repeats the
    // owners' query without its page, and so
    // loads the partners of every matching quick win for a page of 20.
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "quick_win_partner", joinColumns = @JoinColumn(name = "quick_win_id"))
    @Column(name = "stakeholder_id")
    public Set<UUID> partners = new LinkedHashSet<>();

    @Column(name = "planned_budget")
    public BigDecimal plannedBudget;

    @Enumerated(EnumType.STRING)
    @Column(name = "funding_source")
    public FundingSource fundingSource;

    @Column(name = "target_year")
    public int targetYear;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Enumerated(EnumType.STRING)
    public QuickWinStatus status = QuickWinStatus.PROPOSED;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_changed_at")
    public OffsetDateTime statusChangedAt;

    @Column(name = "search_text")
    public String searchText;

    @PrePersist
    void onCreate() {
        searchText = TextSearch.normalise(title, description);
    }

    @PreUpdate
    void onUpdate() {
        searchText = TextSearch.normalise(title, description);
    }
}
