package id.smartcity.platform.http;

import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.problem.ProblemType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A request body read to its end once, its SHA-256 and size computed on the way: kept in memory up
 * to a threshold, in a temporary file beyond it, so that a large upload is never held whole in the
 * heap. Going over {@code limit} stops the read with a 413 problem. {@link #close} deletes the file.
 */
public final class SpooledBody implements Closeable {

    private static final int BUFFER = 64 * 1024;

    private final byte[] memory;
    private final Path file;
    private final long size;
    private final String sha256;

    private SpooledBody(byte[] memory, Path file, long size, String sha256) {
        this.memory = memory;
        this.file = file;
        this.size = size;
        this.sha256 = sha256;
    }

    /**
     * Reads {@code in} to its end.
     *
     * @param limit the most bytes accepted (413 beyond)
     * @param inMemory the most bytes kept in memory before the rest goes to a temporary file
     */
    public static SpooledBody read(InputStream in, long limit, int inMemory, String what) throws IOException {
        MessageDigest sha = newDigest();
        ByteArrayOutputStream head = new ByteArrayOutputStream(Math.min(inMemory, BUFFER));
        Path file = null;
        OutputStream out = head;
        long size = 0;
        byte[] buffer = new byte[BUFFER];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                size += n;
                if (size > limit) {
                    throw ApiException.of(
                            ProblemType.PAYLOAD_TOO_LARGE, what + " is larger than the limit of " + limit + " bytes");
                }
                sha.update(buffer, 0, n);
                if (file == null && size > inMemory) {
                    file = Files.createTempFile("smartcity-body-", ".tmp");
                    out = Files.newOutputStream(file);
                    head.writeTo(out);
                    head = null;
                }
                out.write(buffer, 0, n);
            }
            if (file != null) {
                out.close();
            }
            return new SpooledBody(
                    file == null ? head.toByteArray() : null,
                    file,
                    size,
                    HexFormat.of().formatHex(sha.digest()));
        } catch (IOException | RuntimeException e) {
            if (file != null) {
                out.close();
                Files.deleteIfExists(file);
            }
            throw e;
        }
    }

    public long size() {
        return size;
    }

    /** Lower-case hex. */
    public String sha256() {
        return sha256;
    }

    /** The bytes from the start, as often as needed. */
    public InputStream open() {
        try {
            return file == null ? new ByteArrayInputStream(memory) : Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A temporary file left behind; the OS's temporary folder cleans it up.
            }
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
