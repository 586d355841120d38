package id.smartcity.fgd;

import id.smartcity.platform.persistence.Search;
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

    public Search<FgdParticipant> ofSession(UUID sessionId, Sort sort) {
        // Stakeholders load in batches (Hibernate's batch fetch), not one query each.
        return new Search<>(find("sessionId = ?1", sort, sessionId), () -> count("sessionId = ?1", sessionId));
    }

    public List<FgdParticipant> allOfSession(UUID sessionId) {
        return list("sessionId", sessionId);
    }

    public long attendees(UUID sessionId) {
        return count("sessionId = ?1 and attendance = ?2", sessionId, Attendance.ATTENDED);
    }
}
