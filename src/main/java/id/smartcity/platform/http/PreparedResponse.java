package id.smartcity.platform.http;

import id.smartcity.platform.problem.ProblemMapper;
import jakarta.ws.rs.core.Response;

/**
 * Carries a complete response from code that must answer with it but cannot return it, such as an
 * interceptor replaying the stored response of an idempotent request around a method that returns
 * another type. {@link ProblemMapper} sends it as it is.
 */
public class PreparedResponse extends RuntimeException {

    private final transient Response response;

    public PreparedResponse(Response response) {
        super(null, null, false, false);
        this.response = response;
    }

    public Response response() {
        return response;
    }
}
