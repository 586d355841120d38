package id.smartcity.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/** What the build-time contract filters share about the model they edit. */
public final class OpenApiTrees {

    private OpenApiTrees() {}

    /** The document's {@code components}, made and set first when the document has none yet. */
    public static Components components(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        return components;
    }
}
