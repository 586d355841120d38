package id.smartcity.quickwin;

import id.smartcity.platform.persistence.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "milestone")
public class Milestone extends TimestampedEntity {

    public static final String AUDIT_TYPE = "MILESTONE";

    @Id
    public UUID id;

    @Column(name = "quick_win_id")
    public UUID quickWinId;

    public String title;

    public BigDecimal weight;

    @Column(name = "due_date")
    public LocalDate dueDate;

    public boolean done;

    @Column(name = "done_date")
    public LocalDate doneDate;

    @Version
    public long version;
}
