package id.smartcity.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import id.smartcity.platform.input.StrictJson;
import id.smartcity.platform.input.StrictText;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns Jackson's reading errors into problems that name the JSON property, never the Java type. */
public final class JsonProblems {

    /** Properties that the server owns: sent in a request body they are read-only, not unknown. */
    private static final Set<String> SERVER_OWNED =
            Set.of("id", "code", "regionCode", "version", "createdAt", "updatedAt", "createdBy", "updatedBy");

    /** The longest property name a problem repeats, in code points. */
    static final int MAX_NAME = 40;

    private JsonProblems() {}

    public static Problem from(JsonProcessingException e) {
        if (e instanceof StrictJson.Rejected r) {
            return ApiException.invalid(path(r), r.reason()).problem();
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String message = SERVER_OWNED.contains(u.getPropertyName()) ? "is read-only" : "is not a known property";
            return ApiException.invalid(path(u), message).problem();
        }
        if (e instanceof InvalidFormatException f) {
            Class<?> target = f.getTargetType();
            String message = target != null && target.isEnum()
                    ? "must be one of "
                            + Arrays.stream(target.getEnumConstants())
                                    .map(Object::toString)
                                    .collect(Collectors.joining(", "))
                    : "is not a valid " + describe(target);
            return ApiException.invalid(path(f), message).problem();
        }
        if (e instanceof MismatchedInputException m
                && m.getPath() != null
                && !m.getPath().isEmpty()) {
            return ApiException.invalid(path(m), "must be a " + describe(m.getTargetType()))
                    .problem();
        }
        if (e instanceof MismatchedInputException) {
            return new Problem(ProblemType.MALFORMED, "Request body must be a JSON object", null);
        }
        // Valid JSON, but a number too large for its field (2147483648 for an int): name the field.
        InputCoercionException range =
                e instanceof InputCoercionException c ? c : e.getCause() instanceof InputCoercionException c ? c : null;
        if (range != null) {
            String field = e instanceof JsonMappingException m
                            && m.getPath() != null
                            && !m.getPath().isEmpty()
                    ? path(m)
                    : path(range.getProcessor());
            return ApiException.invalid(field, "is out of range for this field").problem();
        }
        // The parser's own message quotes the body; give the position only.
        String where = e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
        return new Problem(ProblemType.MALFORMED, "Request body is not valid JSON" + where, null);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                // A name the client made up is echoed only as a short, cleaned excerpt.
                path.append(StrictText.excerpt(ref.getFieldName(), MAX_NAME));
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    /** Where the parser stood, as a property path ("body" when it cannot tell). */
    private static String path(Object processor) {
        if (!(processor instanceof JsonParser parser)) {
            return "body";
        }
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.addFirst("." + StrictText.excerpt(c.getCurrentName(), MAX_NAME));
            } else if (c.inArray()) {
                parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        String path = String.join("", parts);
        return path.isEmpty() ? "body" : path.startsWith(".") ? path.substring(1) : path;
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "value of the expected type";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "number";
        }
        if (type == String.class || type.isEnum()) {
            return "string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray() || type == List.class) {
            return "array";
        }
        if (type.getName().startsWith("java.time.")) {
            return "date or time in ISO 8601 form";
        }
        return "JSON object";
    }
}
