package id.smartcity.document;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where a document's bytes live, by content key ({@code <regionCode>/<sha256 hex>}: the same content
 * in one region is kept once). PostgreSQL by default ({@link PostgresDocumentStore}); an
 * S3-compatible bucket when {@code smartcity.documents.store=s3}. The metadata, the hash and the
 * audit event live in PostgreSQL whichever store holds the bytes.
 *
 * <p>Implementations stream: no method holds a whole file in memory.
 */
public interface DocumentStore {

    /** The value of {@code smartcity.documents.store} that selects this store. */
    String kind();

    /**
     * Refuses, at start-up, a configuration this store cannot work with (called on the selected
     * store only, so a store that is not used needs no settings).
     *
     * @throws IllegalStateException naming the setting that is missing or wrong
     */
    default void checkConfiguration() {}

    /** Whether content is stored under the key. */
    boolean exists(String key) throws IOException;

    /**
     * Stores {@code size} bytes read from {@code content} under the key. Storing a key that exists
     * again leaves the stored content as it is (the key is the content's hash).
     */
    void put(String key, long size, InputStream content) throws IOException;

    /**
     * The stored bytes {@code offset} to {@code offset + length - 1}, streamed.
     *
     * @throws MissingContentException when nothing is stored under the key
     */
    InputStream open(String key, long offset, long length) throws IOException;

    /** Removes the content stored under the key; a missing key is not an error. */
    void delete(String key) throws IOException;

    /** Nothing is stored under a key that the metadata says should be there. */
    final class MissingContentException extends IOException {
        public MissingContentException(String key) {
            super("No content is stored under " + key);
        }
    }
}
