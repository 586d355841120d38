package id.smartcity.fgd;

import id.smartcity.stakeholder.Stakeholder;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A stakeholder invited to a session, and whether they came. */
@Entity
@Table(name = "fgd_participant")
@IdClass(FgdParticipant.Key.class)
public class FgdParticipant extends PanacheEntityBase {

    public static final String AUDIT_TYPE = "FGD_PARTICIPANT";

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Id
    @Column(name = "stakeholder_id")
    public UUID stakeholderId;

    @Enumerated(EnumType.STRING)
    public Attendance attendance = Attendance.INVITED;

    /** Read-only view of the stakeholder, for names in lists. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "stakeholder_id", insertable = false, updatable = false)
    public Stakeholder stakeholder;

    public String auditId() {
        return sessionId + "/" + stakeholderId;
    }

    /** Composite key. */
    public static class Key implements Serializable {
        public UUID sessionId;
        public UUID stakeholderId;

        public Key() {}

        public Key(UUID sessionId, UUID stakeholderId) {
            this.sessionId = sessionId;
            this.stakeholderId = stakeholderId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(sessionId, k.sessionId)
                    && Objects.equals(stakeholderId, k.stakeholderId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sessionId, stakeholderId);
        }
    }
}
