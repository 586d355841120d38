package id.smartcity.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

/** The first response to an idempotent request, as recorded and replayed. */
public record StoredResponse(int status, String contentType, String location, String etag, byte[] body) {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /**
     * What a resource method returned, as it will be sent; null unless it is a success (2xx): a
     * failed request changed nothing, so it is not recorded and a retry runs it again.
     */
    static StoredResponse of(Object result, ObjectMapper mapper) throws JsonProcessingException {
        int status;
        Object entity;
        MediaType type;
        URI location;
        String etag;
        if (result instanceof RestResponse<?> r) {
            status = r.getStatus();
            entity = r.getEntity();
            type = r.getMediaType();
            location = r.getLocation();
            etag = r.getHeaderString(HttpHeaders.ETAG);
        } else if (result instanceof Response r) {
            status = r.getStatus();
            entity = r.getEntity();
            type = r.getMediaType();
            location = r.getLocation();
            etag = r.getHeaderString(HttpHeaders.ETAG);
        } else {
            status = result == null ? 204 : 200;
            entity = result;
            type = null;
            location = null;
            etag = null;
        }
        if (status < 200 || status > 299) {
            return null;
        }
        byte[] body = entity == null ? new byte[0] : mapper.writeValueAsBytes(entity);
        // Written by Jackson, as UTF-8, and sent as such by the REST layer.
        MediaType sent = type == null ? MediaType.APPLICATION_JSON_TYPE : type;
        String contentType = entity == null
                ? null
                : (sent.getParameters().containsKey(MediaType.CHARSET_PARAMETER) ? sent : sent.withCharset("UTF-8"))
                        .toString();
        return new StoredResponse(status, contentType, location == null ? null : location.toString(), etag, body);
    }

    /** The recorded response again, marked {@code Idempotent-Replayed: true}. */
    public Response replay() {
        Response.ResponseBuilder builder = Response.status(status).header(REPLAYED_HEADER, "true");
        if (body.length > 0) {
            builder.entity(body).type(contentType);
        }
        if (location != null) {
            builder.header(HttpHeaders.LOCATION, location);
        }
        if (etag != null) {
            builder.header(HttpHeaders.ETAG, etag);
        }
        return builder.build();
    }
}
