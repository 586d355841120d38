package id.smartcity.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DocumentStore} must do, run against each of them (PostgreSQL, S3): the same
 * tests, the same expectations. A subclass says how to get its store and may wrap each call (a
 * transaction for the PostgreSQL one).
 */
abstract class DocumentStoreContract {

    /** Larger than one PostgreSQL chunk and not a multiple of it, so ranges cross chunk borders. */
    static final int SIZE = PostgresDocumentStore.CHUNK * 2 + 12_345;

    abstract DocumentStore store();

    /** Runs a write the way the service does (in a transaction where the store needs one). */
    void write(ThrowingRunnable r) throws Exception {
        r.run();
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    static byte[] content(long seed) {
        byte[] b = new byte[SIZE];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String key() {
        return "99.99/" + UUID.randomUUID().toString().replace("-", "") + "0".repeat(32);
    }

    private static byte[] read(InputStream in) throws Exception {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void storesAndReadsBackEveryByte() throws Exception {
        String key = key();
        byte[] bytes = content(1);
        assertFalse(store().exists(key));
        write(() -> store().put(key, bytes.length, new ByteArrayInputStream(bytes)));
        assertTrue(store().exists(key));
        assertArrayEquals(bytes, read(store().open(key, 0, bytes.length)));
    }

    @Test
    void readsExactRangesAcrossChunkBorders() throws Exception {
        String key = key();
        byte[] bytes = content(2);
        write(() -> store().put(key, bytes.length, new ByteArrayInputStream(bytes)));
        int[][] ranges = {{0, 100}, {PostgresDocumentStore.CHUNK - 10, 20}, {SIZE - 1, 1}, {12_345, SIZE - 12_345}};
        for (int[] r : ranges) {
            assertArrayEquals(
                    Arrays.copyOfRange(bytes, r[0], r[0] + r[1]),
                    read(store().open(key, r[0], r[1])),
                    "bytes " + r[0] + " +" + r[1]);
        }
    }

    @Test
    void storingTheSameKeyAgainKeepsTheContent() throws Exception {
        String key = key();
        byte[] bytes = content(3);
        write(() -> store().put(key, bytes.length, new ByteArrayInputStream(bytes)));
        write(() -> store().put(key, bytes.length, new ByteArrayInputStream(bytes)));
        assertArrayEquals(bytes, read(store().open(key, 0, bytes.length)));
    }

    @Test
    void storesAnEmptyAndASmallContent() throws Exception {
        String empty = key();
        String small = key();
        write(() -> store().put(empty, 0, new ByteArrayInputStream(new byte[0])));
        write(() -> store().put(small, 3, new ByteArrayInputStream(new byte[] {1, 2, 3})));
        assertTrue(store().exists(empty));
        assertArrayEquals(new byte[0], read(store().open(empty, 0, 0)));
        assertArrayEquals(new byte[] {2, 3}, read(store().open(small, 1, 2)));
    }

    @Test
    void aDeletedContentIsGoneAndAMissingKeyIsReported() throws Exception {
        String key = key();
        byte[] bytes = content(4);
        write(() -> store().put(key, bytes.length, new ByteArrayInputStream(bytes)));
        write(() -> store().delete(key));
        assertFalse(store().exists(key));
        assertThrows(DocumentStore.MissingContentException.class, () -> read(store().open(key, 0, 10)));
        write(() -> store().delete(key)); // deleting again is not an error
    }

    @Test
    void aContentShorterThanDeclaredIsRefused() {
        String key = key();
        assertThrows(
                java.io.IOException.class,
                () -> write(() -> store().put(key, 10, new ByteArrayInputStream(new byte[] {1, 2, 3}))));
    }
}
