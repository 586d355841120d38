package id.smartcity.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Makes the contract readable: what the other filters repeat on every operation is written once in
 * {@code components} and referred to by {@code $ref}.
 *
 * <ul>
 *   <li>Problem responses with the general wording of their status ({@link #SHARED_RESPONSES}:
 *       {@code BadRequest}, {@code NotFound}, {@code PreconditionFailed}, {@code TooManyRequests},
 *       ...) go to {@code components/responses}. A response that says something of its own (a 409
 *       naming the state that forbids the change) stays in its operation.
 *   <li>A parameter that several operations declare identically ({@code If-Match}, {@code
 *       If-None-Match}, {@code regionCode}, {@code limit}, {@code offset}, {@code sort}, ...) goes to
 *       {@code components/parameters}, named after it ({@code IfMatch}, {@code RegionCode}). Where
 *       operations describe it in their own words ("The session's ETag"), the reference carries
 *       that description (OpenAPI 3.1 lets a reference override it); one that differs in anything
 *       else (its schema) stays inline.
 *   <li>Any other response that several operations declare identically (the 200 that a resource's
 *       GET, PUT and PATCH share; a 409 that names the same state on two operations) goes to
 *       {@code components/responses} too, named after its schema ({@code Stakeholder}, {@code
 *       QuickWinCreated}) or, for a problem, after the first operation that declares it ({@code
 *       ReplaceStakeholderConflict}).
 *   <li>Headers are components already ({@link ContractDefaultsFilter}, {@link RetryContract}).
 * </ul>
 *
 * Only objects that are structurally identical are merged, so the contract means what it meant
 * inline; names and order do not depend on anything but the contract. Runs last (below {@link
 * ContractDefaultsFilter}), once every response and parameter is complete.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = -2000)
public class SharedComponentsFilter implements OASFilter {

    private static final String RESPONSES = "#/components/responses/";
    private static final String PARAMETERS = "#/components/parameters/";

    /** What smallrye-openapi calls the 401 and 403 it adds to every secured operation. */
    private static final String NOT_AUTHORIZED = "Not Authorized";

    private static final String NOT_ALLOWED = "Not Allowed";

    /** The 304 of a conditional GET (If-None-Match), as the resources declare it. */
    private static final String NOT_MODIFIED = "If-None-Match names the current version";

    private record Shared(String name, String status, String description) {}

    /** The shared problem responses, in the order of {@code components/responses}. */
    static final List<Shared> SHARED_RESPONSES = List.of(
            new Shared("NotModified", "304", NOT_MODIFIED),
            general("BadRequest", "400"),
            new Shared("Unauthorized", "401", NOT_AUTHORIZED),
            general("Unauthorized", "401"),
            new Shared("Forbidden", "403", NOT_ALLOWED),
            general("Forbidden", "403"),
            general("NotFound", "404"),
            general("NotAcceptable", "406"),
            general("Conflict", "409"),
            new Shared("ConflictOrIdempotencyKeyInUse", "409", RetryContract.keyInUse(description("409"))),
            general("PreconditionFailed", "412"),
            general("ContentTooLarge", "413"),
            general("UnsupportedMediaType", "415"),
            general("UnprocessableContent", "422"),
            new Shared(
                    "UnprocessableContentOrIdempotencyKeyReused", "422", RetryContract.keyReused(description("422"))),
            new Shared("TooManyRequests", "429", RetryContract.TOO_MANY_REQUESTS),
            general("InternalServerError", "500"),
            general("ServiceUnavailable", "503"));

    private static Shared general(String name, String status) {
        return new Shared(name, status, description(status));
    }

    private static String description(String status) {
        return ProblemResponsesFilter.DESCRIPTIONS.get(status);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Components components = OpenApiTrees.components(openAPI);
        List<PathItem> items = new ArrayList<>(new TreeMap<>(openAPI.getPaths().getPathItems()).values());
        shareResponses(items, components);
        shareRepeatedResponses(items, components);
        shareParameters(items, components);
    }

    private static void shareResponses(List<PathItem> items, Components components) {
        // The first response of each shared kind (in path and method order) becomes the component;
        // the others refer to it when they are the same, and stay inline when they are not. Two
        // kinds with one name (the two wordings of a 401) cannot both be shared: the first wins.
        Map<Shared, String> canonical = new LinkedHashMap<>();
        Map<Shared, APIResponse> chosen = new LinkedHashMap<>();
        for (PathItem item : items) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getResponses() == null) {
                    continue;
                }
                Map<String, APIResponse> responses =
                        new LinkedHashMap<>(operation.getResponses().getAPIResponses());
                for (Map.Entry<String, APIResponse> entry : responses.entrySet()) {
                    APIResponse response = entry.getValue();
                    Shared shared =
                            response.getRef() == null ? shared(entry.getKey(), response.getDescription()) : null;
                    if (shared == null) {
                        continue;
                    }
                    String form = canonical(response);
                    if (!canonical.containsKey(shared)
                            && chosen.keySet().stream().noneMatch(s -> s.name().equals(shared.name()))) {
                        canonical.put(shared, form);
                        chosen.put(shared, response);
                    }
                    if (form.equals(canonical.get(shared))) {
                        entry.setValue(OASFactory.createAPIResponse().ref(RESPONSES + shared.name()));
                    }
                }
                operation.getResponses().setAPIResponses(responses);
            }
        }
        for (Shared shared : SHARED_RESPONSES) {
            if (chosen.containsKey(shared)) {
                components.addResponse(shared.name(), chosen.get(shared));
            }
        }
    }

    /** Status phrases for the names of shared responses: {@code 201} gives {@code QuickWinCreated}. */
    private static final Map<String, String> PHRASES = Map.ofEntries(
            Map.entry("200", ""),
            Map.entry("201", "Created"),
            Map.entry("202", "Accepted"),
            Map.entry("204", "NoContent"),
            Map.entry("400", "BadRequest"),
            Map.entry("403", "Forbidden"),
            Map.entry("404", "NotFound"),
            Map.entry("409", "Conflict"),
            Map.entry("412", "PreconditionFailed"),
            Map.entry("413", "ContentTooLarge"),
            Map.entry("415", "UnsupportedMediaType"),
            Map.entry("422", "UnprocessableContent"),
            Map.entry("503", "ServiceUnavailable"));

    private static final String SCHEMAS = "#/components/schemas/";

    private record Use(String operationId, String status, APIResponse response, Operation operation) {}

    /**
     * Every inline response that two operations or more declare identically becomes a component.
     * The name depends only on the response and on the operations that use it: the schema's name
     * and the status for a response with one schema that is not a problem, else the first of its
     * operations (by operationId) and the status; a clash takes the operation's name too.
     */
    private static void shareRepeatedResponses(List<PathItem> items, Components components) {
        Map<String, List<Use>> byForm = new TreeMap<>();
        for (PathItem item : items) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getResponses() == null || operation.getOperationId() == null) {
                    continue;
                }
                operation.getResponses().getAPIResponses().forEach((status, response) -> {
                    if (response.getRef() == null && PHRASES.containsKey(status)) {
                        byForm.computeIfAbsent(status + "\u0000" + canonical(response), k -> new ArrayList<>())
                                .add(new Use(operation.getOperationId(), status, response, operation));
                    }
                });
            }
        }
        Map<String, APIResponse> named = new TreeMap<>();
        Map<String, List<Use>> uses = new TreeMap<>();
        for (List<Use> group : byForm.values()) {
            if (group.size() < 2) {
                continue;
            }
            group.sort(Comparator.comparing(Use::operationId));
            Use first = group.get(0);
            String phrase = PHRASES.get(first.status());
            String schema = soleSchema(first.response());
            String name = schema != null && !schema.equals("Problem")
                    ? schema + phrase
                    : pascal(first.operationId()) + phrase;
            if (named.containsKey(name) || taken(components, name)) {
                name = pascal(first.operationId()) + (schema == null ? "" : schema) + phrase + first.status();
            }
            if (named.containsKey(name) || taken(components, name)) {
                continue;
            }
            named.put(name, first.response());
            uses.put(name, group);
        }
        uses.forEach((name, group) -> {
            components.addResponse(name, named.get(name));
            for (Use use : group) {
                Map<String, APIResponse> responses =
                        new LinkedHashMap<>(use.operation().getResponses().getAPIResponses());
                responses.put(use.status(), OASFactory.createAPIResponse().ref(RESPONSES + name));
                use.operation().getResponses().setAPIResponses(responses);
            }
        });
    }

    private static boolean taken(Components components, String name) {
        return components.getResponses() != null && components.getResponses().containsKey(name);
    }

    /** The name of the one schema that every media type of the response refers to; null if none. */
    private static String soleSchema(APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
            return null;
        }
        String name = null;
        for (var media : response.getContent().getMediaTypes().values()) {
            String ref = media.getSchema() == null ? null : media.getSchema().getRef();
            if (ref == null
                    || !ref.startsWith(SCHEMAS)
                    || (name != null && !name.equals(ref.substring(SCHEMAS.length())))) {
                return null;
            }
            name = ref.substring(SCHEMAS.length());
        }
        return name;
    }

    /** The shared response that a status with this description is; null if none. */
    private static Shared shared(String status, String description) {
        for (Shared shared : SHARED_RESPONSES) {
            if (shared.status().equals(status) && shared.description().equals(description)) {
                return shared;
            }
        }
        return null;
    }

    private static void shareParameters(List<PathItem> items, Components components) {
        // Group the parameters by what they are apart from their description (location, name,
        // schema, required): those of a group are one parameter that operations describe in their
        // own words ("The session's ETag"). In each group of two uses or more, the most common
        // description goes with the component; the others refer to it with their own description,
        // as OpenAPI 3.1 lets a reference do.
        Map<String, Map<String, Integer>> descriptions = new TreeMap<>();
        Map<String, Parameter> examples = new LinkedHashMap<>();
        for (List<Parameter> list : parameterLists(items)) {
            for (Parameter p : list) {
                if (p.getRef() != null || p.getName() == null || p.getIn() == null) {
                    continue;
                }
                String form = undescribed(p);
                descriptions
                        .computeIfAbsent(form, k -> new TreeMap<>())
                        .merge(String.valueOf(p.getDescription()), 1, Integer::sum);
                examples.putIfAbsent(form + "\u0000" + p.getDescription(), p);
            }
        }
        // Ties go to the first in canonical order, so that neither the choice nor the names depend
        // on the order of the operations; a name two groups want goes to the more used one.
        List<String> forms = new ArrayList<>(descriptions.keySet());
        forms.sort(Comparator.comparingInt((String f) -> -uses(descriptions.get(f)))
                .thenComparing(f -> f));
        Map<String, String> names = new LinkedHashMap<>();
        for (String form : forms) {
            Map<String, Integer> byDescription = descriptions.get(form);
            if (uses(byDescription) < 2) {
                continue;
            }
            String description = byDescription.entrySet().stream()
                    .max(Comparator.comparingInt(Map.Entry<String, Integer>::getValue)
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .orElseThrow()
                    .getKey();
            Parameter parameter = examples.get(form + "\u0000" + description);
            String name = pascal(parameter.getName());
            if (taken(components, names, name)) {
                name = name + pascal(parameter.getIn().toString());
            }
            if (taken(components, names, name)) {
                continue;
            }
            names.put(form, name);
            components.addParameter(name, parameter);
        }
        for (PathItem item : items) {
            item.setParameters(referring(item.getParameters(), names, components));
            for (Operation operation : item.getOperations().values()) {
                operation.setParameters(referring(operation.getParameters(), names, components));
            }
        }
    }

    private static int uses(Map<String, Integer> byDescription) {
        return byDescription.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The parameter's canonical form without its description. */
    private static String undescribed(Parameter p) {
        return CanonicalForm.without(p, "getDescription");
    }

    private static boolean taken(Components components, Map<String, String> names, String name) {
        return names.containsValue(name)
                || (components.getParameters() != null
                        && components.getParameters().containsKey(name));
    }

    private static List<List<Parameter>> parameterLists(List<PathItem> items) {
        List<List<Parameter>> lists = new ArrayList<>();
        for (PathItem item : items) {
            if (item.getParameters() != null) {
                lists.add(item.getParameters());
            }
            for (Operation operation : item.getOperations().values()) {
                if (operation.getParameters() != null) {
                    lists.add(operation.getParameters());
                }
            }
        }
        return lists;
    }

    private static List<Parameter> referring(
            List<Parameter> parameters, Map<String, String> names, Components components) {
        if (parameters == null) {
            return null;
        }
        List<Parameter> result = new ArrayList<>(parameters.size());
        for (Parameter p : parameters) {
            String name = p.getRef() == null ? names.get(undescribed(p)) : null;
            if (name == null) {
                result.add(p);
                continue;
            }
            Parameter reference = OASFactory.createParameter().ref(PARAMETERS + name);
            String shared = components.getParameters().get(name).getDescription();
            if (p.getDescription() != null && !p.getDescription().equals(shared)) {
                reference.setDescription(p.getDescription());
            }
            result.add(reference);
        }
        return result;
    }

    /** {@code If-Match} gives {@code IfMatch}, {@code regionCode} {@code RegionCode}, {@code HEADER} {@code Header}. */
    static String pascal(String text) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : text.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    static String canonical(Object value) {
        return CanonicalForm.of(value);
    }
}
