package id.smartcity.platform.input;

import id.smartcity.platform.http.RequestPipeline;
import id.smartcity.platform.problem.ApiException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The text of a request outside its body, checked once for every operation before any resource
 * runs (the body's text is {@link StrictJson}'s and {@link StrictUtf8Body}'s):
 *
 * <ul>
 *   <li>every query parameter's name and value and every path parameter are percent-decoded as
 *       strict UTF-8 and must pass {@link StrictText} — a 400 naming the parameter otherwise;
 *   <li>a query parameter the operation does not declare is a 400 naming it (a misspelt filter
 *       such as {@code dimensoin=} must not silently return everything), and so is one given twice
 *       ({@code ?limit=1&limit=2}: no parameter takes several values);
 *   <li>the headers the API reads ({@link #READ_HEADERS}) hold visible ASCII only.
 * </ul>
 *
 * Runs right after the rate limit ({@link RequestPipeline}), so a refused request costs little.
 */
public class StrictRequestFilter {

    /** Headers whose value the API itself interprets. */
    static final List<String> READ_HEADERS = List.of("If-Match", "If-None-Match", "Idempotency-Key", "X-Request-Id");

    private static final Map<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();

    @ServerRequestFilter(priority = RequestPipeline.STRICT_TEXT)
    public void check(ContainerRequestContext request, UriInfo uri, ResourceInfo resource) {
        for (String header : READ_HEADERS) {
            String value = request.getHeaderString(header);
            if (value != null && !visibleAscii(value)) {
                throw ApiException.invalid(header, "must hold visible ASCII characters only");
            }
        }
        String rawPath = uri.getRequestUri().getRawPath();
        if (rawPath.indexOf('%') >= 0) {
            for (String segment : rawPath.split("/")) {
                if (segment.indexOf('%') >= 0) {
                    StrictText.decode(pathParameterOf(segment, uri), segment, false);
                }
            }
        } else {
            StrictText.require("path", rawPath);
        }
        String query = uri.getRequestUri().getRawQuery();
        if (query == null || query.isEmpty()) {
            return;
        }
        Set<String> declared = resource.getResourceMethod() == null
                ? null
                : DECLARED.computeIfAbsent(resource.getResourceMethod(), StrictRequestFilter::declaredQuery);
        Set<String> seen = new HashSet<>();
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name = StrictText.decode("query", rawName, true);
            String shown = StrictText.excerpt(name, 40);
            if (eq >= 0) {
                StrictText.decode(shown, pair.substring(eq + 1), true);
            }
            if (declared != null && !declared.contains(name)) {
                throw ApiException.invalid(
                        shown,
                        declared.isEmpty()
                                ? "is not a parameter of this operation, which takes none"
                                : "is not a parameter of this operation; it takes " + String.join(", ", declared));
            }
            if (!seen.add(name)) {
                // No parameter of the API takes several values: which one would count is a guess.
                throw ApiException.invalid(shown, "is given more than once; give it once");
            }
        }
    }

    /** The name of the path parameter a raw segment holds ("path" for a literal one). */
    private static String pathParameterOf(String segment, UriInfo uri) {
        String lenient;
        try {
            lenient = java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "path";
        }
        for (Map.Entry<String, List<String>> p : uri.getPathParameters().entrySet()) {
            if (p.getValue().contains(lenient)) {
                return p.getKey();
            }
        }
        return "path";
    }

    private static boolean visibleAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** The query parameters a resource method declares, directly or through a {@code @BeanParam}. */
    static Set<String> declaredQuery(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter p : method.getParameters()) {
            QueryParam q = p.getAnnotation(QueryParam.class);
            if (q != null) {
                names.add(q.value());
            }
            RestQuery rq = p.getAnnotation(RestQuery.class);
            if (rq != null) {
                names.add(rq.value().isEmpty() ? p.getName() : rq.value());
            }
            if (p.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> c = p.getType(); c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field f : c.getDeclaredFields()) {
                        QueryParam fq = f.getAnnotation(QueryParam.class);
                        if (fq != null) {
                            names.add(fq.value());
                        }
                        RestQuery frq = f.getAnnotation(RestQuery.class);
                        if (frq != null) {
                            names.add(frq.value().isEmpty() ? f.getName() : frq.value());
                        }
                    }
                }
            }
        }
        return java.util.Collections.unmodifiableSet(names);
    }
}
