package id.smartcity.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import id.smartcity.testsupport.S3rverProcess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The document store contract against the S3 store and a real S3-compatible server (s3rver, a
 * child process, over TLS), plus what only the S3 store has: its key prefix, its errors, its
 * configuration check. A plain JUnit test: the store is built here, no Quarkus boot.
 */
class S3DocumentStoreTest extends DocumentStoreContract {

    private static final String BUCKET = "smartcity-documents";

    private static S3rverProcess server;
    private static S3DocumentStore store;

    record Config(
            Optional<URI> endpoint,
            String region,
            Optional<String> bucket,
            Optional<String> prefix,
            Optional<String> accessKeyId,
            Optional<String> secretAccessKey)
            implements S3StoreConfig {

        static Config of(URI endpoint, String bucket, String prefix) {
            return new Config(
                    Optional.of(endpoint),
                    "us-east-1",
                    Optional.ofNullable(bucket),
                    Optional.ofNullable(prefix),
                    Optional.of(S3rverProcess.ACCESS_KEY_ID),
                    Optional.of(S3rverProcess.SECRET_ACCESS_KEY));
        }
    }

    @BeforeAll
    static void startServer() throws Exception {
        server = S3rverProcess.start(BUCKET);
        store = storeFor(Config.of(server.endpoint(), BUCKET, null));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static S3DocumentStore storeFor(S3StoreConfig config) {
        return new S3DocumentStore(config, () -> server.trustManagers());
    }

    @Override
    DocumentStore store() {
        return store;
    }

    @Test
    void keepsItsObjectsUnderTheKeyPrefixWithTheirExactSize() throws Exception {
        S3DocumentStore prefixed = storeFor(Config.of(server.endpoint(), BUCKET, "/tenant-a/docs/"));
        String key = key();
        byte[] bytes = content(5);
        prefixed.put(key, bytes.length, new ByteArrayInputStream(bytes));

        assertEquals("tenant-a/docs/" + key, prefixed.objectKey(key));
        var head = store.client().headObject(r -> r.bucket(BUCKET).key("tenant-a/docs/" + key));
        assertEquals(bytes.length, head.contentLength(), "stored size (not an aws-chunked body)");
        assertTrue(prefixed.exists(key));
        assertFalse(store.exists(key), "the store without the prefix does not see it");
    }

    @Test
    void storesFromAStreamThatCannotBeRewound() throws Exception {
        // As an upload is stored: from its spooled file, read once (no mark, no reset).
        String key = key();
        byte[] bytes = content(6);
        Path file = Files.createTempFile("s3-upload-", ".bin");
        try {
            Files.write(file, bytes);
            try (InputStream in = Files.newInputStream(file)) {
                assertFalse(in.markSupported());
                store.put(key, bytes.length, in);
            }
        } finally {
            Files.delete(file);
        }
        try (InputStream in = store.open(key, 0, bytes.length)) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
    }

    @Test
    void aRefusedPutLeavesNoObject() throws Exception {
        String key = key();
        assertThrows(IOException.class, () -> store.put(key, 10, new ByteArrayInputStream(new byte[] {1, 2, 3})));
        if (store.exists(key)) {
            long left =
                    store.client().headObject(r -> r.bucket(BUCKET).key(key)).contentLength();
            fail("a refused put left an object of " + left + " bytes");
        }
    }

    @Test
    void aMissingBucketIsReportedByName() {
        S3DocumentStore missing = storeFor(Config.of(server.endpoint(), "no-such-bucket", null));
        IOException e = assertThrows(IOException.class, () -> missing.exists(key()));
        assertTrue(
                e.getMessage().contains("The bucket no-such-bucket does not exist at " + server.endpoint()),
                e.getMessage());
        assertTrue(e.getMessage().contains("DOCUMENT_S3_BUCKET"), e.getMessage());
    }

    @Test
    void anUnreachableEndpointIsReportedWithoutTheCredentials() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        URI endpoint = URI.create("https://127.0.0.1:" + closed);
        S3DocumentStore unreachable = storeFor(new Config(
                Optional.of(endpoint),
                "us-east-1",
                Optional.of(BUCKET),
                Optional.empty(),
                Optional.of("AKIDSECRETIDENTIFIER"),
                Optional.of("the-secret-access-key")));
        IOException e = assertThrows(
                IOException.class, () -> unreachable.put(key(), 3, new ByteArrayInputStream(new byte[] {1, 2, 3})));
        assertTrue(e.getMessage().startsWith("Could not reach the S3 endpoint " + endpoint), e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            assertFalse(m.contains("AKIDSECRETIDENTIFIER") || m.contains("the-secret-access-key"), m);
        }
    }

    @Test
    void anS3StoreWithoutABucketOrWithHalfACredentialIsRefusedWhenSelected() {
        S3DocumentStore unset = storeFor(Config.of(server.endpoint(), null, null));
        PostgresDocumentStore postgres = new PostgresDocumentStore();

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> DocumentStorage.select("s3", List.of(postgres, unset)));
        assertTrue(e.getMessage().contains("DOCUMENT_S3_BUCKET"), e.getMessage());
        // A PostgreSQL deployment needs no S3 setting.
        assertSame(postgres, DocumentStorage.select("postgresql", List.of(unset, postgres)));

        S3DocumentStore halfCredential = storeFor(new Config(
                Optional.of(server.endpoint()),
                "us-east-1",
                Optional.of(BUCKET),
                Optional.empty(),
                Optional.of("AKIDONLY"),
                Optional.empty()));
        e = assertThrows(IllegalStateException.class, () -> DocumentStorage.select("s3", List.of(halfCredential)));
        assertTrue(e.getMessage().contains("DOCUMENT_S3_SECRET_ACCESS_KEY"), e.getMessage());
        assertFalse(e.getMessage().contains("AKIDONLY"), e.getMessage());
    }
}
