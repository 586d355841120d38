package id.smartcity.platform.openapi;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.models.Constructible;

/**
 * The structural identity of MicroProfile OpenAPI model objects, for {@link SharedComponentsFilter}:
 * two responses or parameters are shared as one component only when their canonical forms are equal.
 */
final class CanonicalForm {

    private CanonicalForm() {}

    /**
     * A model object as text that two objects share exactly when they describe the same thing:
     * every property that the MicroProfile OpenAPI interfaces expose, in name order, recursively.
     */
    static String of(Object value) {
        return without(value, null);
    }

    /** {@link #of} but for one property of the object itself ({@code getDescription}): what it is apart from that. */
    static String without(Object value, String getter) {
        StringBuilder out = new StringBuilder();
        write(value, out, getter);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        write(value, out, null);
    }

    private static void write(Object value, StringBuilder out, String skipped) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Constructible) {
            out.append('{');
            for (Method getter : getters(value.getClass())) {
                Object property;
                try {
                    property = getter.invoke(value);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read " + getter + " of " + value.getClass(), e);
                }
                if (property == null || getter.getName().equals(skipped)) {
                    continue;
                }
                out.append(getter.getName()).append('=');
                write(property, out);
                out.append(',');
            }
            out.append('}');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            new TreeMap<>(map).forEach((k, v) -> {
                out.append(k).append('=');
                write(v, out);
                out.append(',');
            });
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            list.forEach(v -> {
                write(v, out);
                out.append(',');
            });
            out.append(']');
        } else {
            out.append(value.getClass().getSimpleName())
                    .append(':')
                    .append(value.toString().replace("\\", "\\\\").replace(",", "\\,"));
        }
    }

    private static final Map<Class<?>, List<Method>> GETTERS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The no-argument getters of the MicroProfile OpenAPI model interfaces that {@code type} implements. */
    private static List<Method> getters(Class<?> type) {
        return GETTERS.computeIfAbsent(type, t -> {
            Map<String, Method> byName = new TreeMap<>();
            for (Class<?> model : modelInterfaces(t, new ArrayList<>())) {
                for (Method m : model.getMethods()) {
                    if (m.getParameterCount() == 0
                            && !Modifier.isStatic(m.getModifiers())
                            && (m.getName().startsWith("get") || m.getName().startsWith("is"))) {
                        byName.putIfAbsent(m.getName(), m);
                    }
                }
            }
            if (byName.isEmpty()) {
                throw new IllegalStateException("No MicroProfile OpenAPI model getters on " + t);
            }
            return List.copyOf(byName.values());
        });
    }

    /** The MicroProfile OpenAPI model interfaces that {@code type} implements, directly or not. */
    private static List<Class<?>> modelInterfaces(Class<?> type, List<Class<?>> found) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().startsWith("org.eclipse.microprofile.openapi.models") && !found.contains(i)) {
                    found.add(i);
                }
                modelInterfaces(i, found);
            }
        }
        return found;
    }
}
