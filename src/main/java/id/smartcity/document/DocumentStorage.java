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
 * by default, or {@value S3DocumentStore#KIND}). An unknown value, or a store whose settings are
 * missing (an S3 store without a bucket), stops the start-up rather than losing uploads.
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
        selected = select(kind, stores);
    }

    /** The store of the kind, its configuration checked. */
    static DocumentStore select(String kind, Iterable<? extends DocumentStore> stores) {
        for (DocumentStore s : stores) {
            if (kind.equals(s.kind())) {
                s.checkConfiguration();
                return s;
            }
        }
        throw new IllegalStateException("smartcity.documents.store=" + kind + " names no document store");
    }

    public DocumentStore store() {
        return selected;
    }
}
