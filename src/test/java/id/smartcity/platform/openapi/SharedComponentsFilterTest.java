package id.smartcity.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

/** Only what is the same is shared: the structural comparison sees every property, nested ones too. */
class SharedComponentsFilterTest {

    private static Parameter ifMatch(String description, int maxLength) {
        return OASFactory.createParameter()
                .name("If-Match")
                .in(Parameter.In.HEADER)
                .description(description)
                .schema(OASFactory.createSchema()
                        .type(List.of(Schema.SchemaType.STRING))
                        .maxLength(maxLength));
    }

    @Test
    void identicalObjectsHaveOneFormAndAnyDifferenceShows() {
        String form = SharedComponentsFilter.canonical(ifMatch("ETag of the version", 200));
        assertEquals(form, SharedComponentsFilter.canonical(ifMatch("ETag of the version", 200)));
        assertNotEquals(form, SharedComponentsFilter.canonical(ifMatch("The session's ETag", 200)));
        assertNotEquals(form, SharedComponentsFilter.canonical(ifMatch("ETag of the version", 100)));
        assertNotEquals(
                form,
                SharedComponentsFilter.canonical(
                        ifMatch("ETag of the version", 200).in(Parameter.In.QUERY)));
    }

    /**
     * Three operations send one If-Match header, two in the same words and one in its own: one
     * component with the common words; the third refers to it with its own description; a form
     * that differs in its schema stays inline.
     */
    @Test
    void oneParameterInOtherWordsIsOneComponentWithADescriptionOverride() {
        OpenAPI openAPI = OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths()
                        .addPathItem("/a", item(ifMatch("ETag of the version", 200)))
                        .addPathItem("/b", item(ifMatch("ETag of the version", 200)))
                        .addPathItem("/c", item(ifMatch("The session's ETag", 200)))
                        .addPathItem("/d", item(ifMatch("ETag of the version", 100))));
        new SharedComponentsFilter().filterOpenAPI(openAPI);

        assertEquals(
                List.of("IfMatch"),
                List.copyOf(openAPI.getComponents().getParameters().keySet()));
        Parameter shared = openAPI.getComponents().getParameters().get("IfMatch");
        assertEquals("ETag of the version", shared.getDescription());
        assertEquals(200, shared.getSchema().getMaxLength());
        for (String path : List.of("/a", "/b")) {
            Parameter p = parameter(openAPI, path);
            assertEquals("#/components/parameters/IfMatch", p.getRef(), path);
            assertNull(p.getDescription(), path);
        }
        Parameter own = parameter(openAPI, "/c");
        assertEquals("#/components/parameters/IfMatch", own.getRef());
        assertEquals("The session's ETag", own.getDescription());
        Parameter different = parameter(openAPI, "/d");
        assertNull(different.getRef());
        assertEquals(100, different.getSchema().getMaxLength());
    }

    private static PathItem item(Parameter parameter) {
        return OASFactory.createPathItem()
                .PATCH(OASFactory.createOperation().operationId("op").addParameter(parameter));
    }

    private static Parameter parameter(OpenAPI openAPI, String path) {
        return openAPI.getPaths().getPathItem(path).getPATCH().getParameters().get(0);
    }

    @Test
    void componentNamesFollowTheParameterNames() {
        assertEquals("IfMatch", SharedComponentsFilter.pascal("If-Match"));
        assertEquals("IfNoneMatch", SharedComponentsFilter.pascal("If-None-Match"));
        assertEquals("RegionCode", SharedComponentsFilter.pascal("regionCode"));
        assertEquals("Limit", SharedComponentsFilter.pascal("limit"));
    }
}
