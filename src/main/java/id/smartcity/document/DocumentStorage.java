package id.smartcity.document;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The store of record, chosen by {@code smartcity.documents.store} ({@value PostgresDocumentStore#KIND}
 * by default, or {@code s3}). An unknown value stops the start-up rather than losing uploads.
 */
@Startup
@ApplicationScoped
public class DocumentStorage {

    @ConfigProperty(name = "smartcity.documents.store", defaultValue = PostgresDocumentStore.KIND)
    String kind;

    @Inject
    @Any
    Instance<DocumentStore> stores;

    private DocumentStore selected;

    @PostConstruct
    void select() {
        for (Instance.Handle<DocumentStore> h : stores.handles()) {
            if (kind.equals(h.get().kind())) {
                selected = h.get();
                return;
            }
        }
        throw new IllegalStateException("smartcity.documents.store=" + kind + " names no document store");
    }

    public DocumentStore store() {
        return selected;
    }
}
