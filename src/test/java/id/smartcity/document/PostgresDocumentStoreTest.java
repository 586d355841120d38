package id.smartcity.document;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The document store contract against the PostgreSQL store, each write in a transaction. */
@QuarkusTest
class PostgresDocumentStoreTest extends DocumentStoreContract {

    @Inject
    PostgresDocumentStore store;

    @Override
    DocumentStore store() {
        return store;
    }

    @Override
    void write(ThrowingRunnable r) throws Exception {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try {
                    r.run();
                } catch (Exception e) {
                    throw new Wrapped(e);
                }
            });
        } catch (Wrapped w) {
            throw (Exception) w.getCause();
        }
    }

    private static final class Wrapped extends RuntimeException {
        Wrapped(Exception cause) {
            super(cause);
        }
    }
}
