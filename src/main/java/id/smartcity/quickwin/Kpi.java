package id.smartcity.quickwin;

import id.smartcity.platform.persistence.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.UUID;

@Entity
@Table(name = "kpi")
public class Kpi extends TimestampedEntity {

    public static final String AUDIT_TYPE = "KPI";

    @Id
    public UUID id;

    @Column(name = "quick_win_id")
    public UUID quickWinId;

    public String name;

    public String unit;

    public BigDecimal baseline;

    public BigDecimal target;

    public BigDecimal actual;

    @Enumerated(EnumType.STRING)
    public KpiDirection direction;

    @Version
    public long version;
}
