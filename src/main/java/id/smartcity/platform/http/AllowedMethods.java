package id.smartcity.platform.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The methods a path answers, for the {@code Allow} header that RFC 9110 requires on a 405
 * (the REST layer does not provide it). Built once, from the resource classes' annotations.
 */
@ApplicationScoped
public class AllowedMethods {

    @Inject
    BeanManager beans;

    @ConfigProperty(name = "quarkus.rest.path", defaultValue = "/")
    String root;

    private volatile List<Route> routes;

    private record Route(Pattern path, String method) {}

    /** E.g. {@code "GET, HEAD, OPTIONS, POST"}, or null when no resource matches the path. */
    public String forPath(String path) {
        Set<String> methods = methods(path);
        return methods.isEmpty() ? null : String.join(", ", methods);
    }

    /** The methods the path answers, sorted (HEAD with GET, and OPTIONS); empty when no resource matches it. */
    public Set<String> methods(String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                methods.add(route.method());
            }
        }
        if (methods.isEmpty()) {
            return methods;
        }
        if (methods.contains(HttpMethod.GET)) {
            methods.add(HttpMethod.HEAD);
        }
        methods.add(HttpMethod.OPTIONS);
        return methods;
    }

    private List<Route> routes() {
        if (routes == null) {
            List<Route> found = new ArrayList<>();
            for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                Path classPath = type.getAnnotation(Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method m : type.getMethods()) {
                    String verb = verb(m);
                    if (verb != null) {
                        Path methodPath = m.getAnnotation(Path.class);
                        String regex = regex(root, classPath.value(), methodPath == null ? "" : methodPath.value());
                        found.add(new Route(Pattern.compile(regex), verb));
                    }
                }
            }
            routes = List.copyOf(found);
        }
        return routes;
    }

    private static String verb(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** A path template as a regex: literal segments quoted, each {@code {param}} one segment. */
    private static String regex(String... parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            for (String segment : part.split("/")) {
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    path.append("/[^/]+");
                } else if (!segment.isEmpty()) {
                    path.append('/').append(Pattern.quote(segment));
                }
            }
        }
        return path.length() == 0 ? "/" : path.toString();
    }
}
