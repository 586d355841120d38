package id.smartcity.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.problem.JsonProblems;
import id.smartcity.platform.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * JSON Merge Patch (RFC 7396) for every PATCH endpoint: the patch is merged into the resource's
 * current writable state, and the result is read as the feature's full update request, so that
 * unknown and read-only properties are rejected by name and the merged state is validated with
 * the same constraints as a full update.
 */
@ApplicationScoped
public class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    public <T> T apply(T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw ApiException.of(ProblemType.MALFORMED, "A merge patch must be a JSON object");
        }
        ObjectNode merged = mapper.valueToTree(current);
        merge(merged, (ObjectNode) patch);
        T result;
        try {
            result = mapper.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            throw new ApiException(JsonProblems.from(e));
        }
        Set<ConstraintViolation<T>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return result;
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            JsonNode existing = target.get(field.getKey());
            if (value.isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, (ObjectNode) value);
            } else {
                // RFC 7396 removes a member set to null; setting it to null reads the same for a
                // request record, and keeps an unknown name visible so that it is still rejected.
                target.set(field.getKey(), value);
            }
        }
    }
}
