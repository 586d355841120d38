package id.smartcity.fgd;

import id.smartcity.dimension.DimensionCode;
import id.smartcity.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * The one check behind an {@code fgdSessionId} that another feature's request names (a quick win's
 * or a program's): a session of the request's region, held for the same dimension.
 */
@ApplicationScoped
public class FgdSessionReferences {

    @Inject
    FgdSessionRepository sessions;

    /** Adds the field error to {@code errors} when {@code sessionId} is set and is not such a session. */
    public void check(String regionCode, UUID sessionId, DimensionCode dimension, List<Problem.FieldError> errors) {
        if (sessionId == null) {
            return;
        }
        var session = sessions.findInRegion(regionCode, sessionId);
        if (session.isEmpty()) {
            errors.add(new Problem.FieldError("fgdSessionId", "no such FGD session in this region"));
        } else if (session.get().dimension != dimension) {
            errors.add(new Problem.FieldError(
                    "fgdSessionId", "is a session of " + session.get().dimension + ", not of " + dimension));
        }
    }
}
