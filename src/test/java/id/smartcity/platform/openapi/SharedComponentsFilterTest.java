package id.smartcity.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
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

    @Test
    void componentNamesFollowTheParameterNames() {
        assertEquals("IfMatch", SharedComponentsFilter.pascal("If-Match"));
        assertEquals("IfNoneMatch", SharedComponentsFilter.pascal("If-None-Match"));
        assertEquals("RegionCode", SharedComponentsFilter.pascal("regionCode"));
        assertEquals("Limit", SharedComponentsFilter.pascal("limit"));
    }
}
