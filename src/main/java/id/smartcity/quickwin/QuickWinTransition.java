package id.smartcity.quickwin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One status change of a quick win, kept as its history. */
@Entity
@Table(name = "quick_win_transition")
public class QuickWinTransition extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "quick_win_id")
    public UUID quickWinId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public QuickWinStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public QuickWinStatus to;

    public String reason;

    public String actor;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
}
