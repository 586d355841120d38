package id.smartcity.fgd;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Participants of a session. Always reached through a session that the caller has already found
 * in its region (FgdSessionRepository.findInRegion), so they carry no region filter of their own.
 */
@ApplicationScoped
public class FgdParticipantRepository implements PanacheRepositoryBase<FgdParticipant, FgdParticipant.Key> {

    public PanacheQuery<FgdParticipant> ofSession(UUID sessionId, Sort sort) {
        // Stakeholders load in batches (Hibernate's batch fetch), not one query each.
        return find("sessionId = ?1", sort, sessionId);
    }

    public List<FgdParticipant> allOfSession(UUID sessionId) {
        return list("sessionId", sessionId);
    }

    public long attendees(UUID sessionId) {
        return count("sessionId = ?1 and attendance = ?2", sessionId, Attendance.ATTENDED);
    }
}
