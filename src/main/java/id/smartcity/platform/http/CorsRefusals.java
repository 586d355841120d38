package id.smartcity.platform.http;

import id.smartcity.platform.problem.Problem;
import id.smartcity.platform.problem.ProblemType;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request from an origin outside the CORS allow-list ({@code quarkus.http.cors.origins}) gets a
 * 403 problem like every other refusal, where Quarkus's CORS filter would answer 403 with an empty
 * body. Runs just before that filter ({@link RequestPipeline}) and applies its
 * rule: an {@code Origin} is allowed when it is listed, or when it is the API's own origin.
 * Allowed requests go on to Quarkus's filter, which writes the CORS headers.
 */
@ApplicationScoped
public class CorsRefusals {

    @Inject
    HttpEdge problems;

    @ConfigProperty(name = "quarkus.http.cors.origins")
    Optional<List<String>> origins;

    void register(@Observes Filters filters) {
        filters.register(
                rc -> {
                    String origin = rc.request().getHeader("Origin");
                    if (origin == null
                            || allowed(
                                    origin,
                                    rc.request().scheme() + "://" + rc.request().authority())) {
                        rc.next();
                        return;
                    }
                    problems.write(
                            rc,
                            new Problem(
                                    ProblemType.FORBIDDEN,
                                    "Requests from this origin are not allowed (CORS allow-list)",
                                    null));
                },
                RequestPipeline.CORS_REFUSAL);
    }

    private boolean allowed(String origin, String own) {
        if (origin.equals(own)) {
            return true;
        }
        List<String> list = origins.orElse(List.of());
        return list.contains("*") || list.contains(origin);
    }
}
