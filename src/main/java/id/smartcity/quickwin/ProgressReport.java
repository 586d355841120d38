package id.smartcity.quickwin;

import id.smartcity.platform.persistence.TimestampedEntity;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A progress report: a record of its day, never edited (file a new one to correct it). */
@Entity
@Table(name = "progress_report")
public class ProgressReport extends PanacheEntityBase {

    public static final String AUDIT_TYPE = "PROGRESS_REPORT";

    @Id
    public UUID id;

    @Column(name = "quick_win_id")
    public UUID quickWinId;

    @Column(name = "report_date")
    public LocalDate reportDate;

    public BigDecimal percent;

    public String narrative;

    @Column(name = "budget_realised")
    public BigDecimal budgetRealised;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @PrePersist
    void onCreate() {
        createdAt = TimestampedEntity.now();
    }
}
