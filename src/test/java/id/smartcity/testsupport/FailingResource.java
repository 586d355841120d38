package id.smartcity.testsupport;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test-only endpoint that fails unexpectedly, to prove a 500 leaks nothing. Not in the contract. */
@Path("/test-only/failure")
@Authenticated
public class FailingResource {

    @GET
    @Operation(hidden = true)
    public String fail() {
        throw new IllegalStateException("SELECT secret FROM vault WHERE password = 'hunter2'");
    }
}
