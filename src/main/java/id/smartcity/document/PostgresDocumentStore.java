package id.smartcity.document;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The default store: the bytes in {@code document_chunk}, 1 MiB a row, so the embedded default
 * needs nothing but PostgreSQL. Writes join the caller's transaction (the datasource enlists its
 * connection), so a document's metadata, its content and its audit event commit together. Reads
 * fetch one chunk at a time: at most one chunk of a file is in memory.
 */
@ApplicationScoped
public class PostgresDocumentStore implements DocumentStore {

    public static final String KIND = "postgresql";
    static final int CHUNK = 1024 * 1024;

    @Inject
    AgroalDataSource dataSource;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean exists(String key) throws IOException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT 1 FROM document_chunk WHERE content_key = ? AND seq = 0")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IOException("Could not look up " + key, e);
        }
    }

    @Override
    public void put(String key, long size, InputStream content) throws IOException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO document_chunk (content_key, seq, data) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            byte[] buffer = new byte[CHUNK];
            long written = 0;
            int seq = 0;
            do {
                int n = content.readNBytes(buffer, 0, (int) Math.min(CHUNK, size - written));
                if (n == 0 && written < size) {
                    throw new IOException(
                            "The content of " + key + " ended after " + written + " of " + size + " bytes");
                }
                byte[] data = n == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, n);
                s.setString(1, key);
                s.setInt(2, seq++);
                s.setBytes(3, data);
                s.executeUpdate();
                written += n;
            } while (written < size);
        } catch (SQLException e) {
            throw new IOException("Could not store " + key, e);
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        if (!exists(key)) {
            throw new MissingContentException(key);
        }
        return new ChunkStream(key, offset, length);
    }

    @Override
    public void delete(String key) throws IOException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM document_chunk WHERE content_key = ?")) {
            s.setString(1, key);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("Could not delete " + key, e);
        }
    }

    /** Bytes {@code offset … offset + length - 1} of a content, one chunk fetched at a time. */
    private final class ChunkStream extends InputStream {

        private final String key;
        private long position;
        private final long end;
        private byte[] chunk;
        private long chunkStart = -1;

        ChunkStream(String key, long offset, long length) {
            this.key = key;
            this.position = offset;
            this.end = offset + length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= end) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            if (chunk == null || position < chunkStart || position >= chunkStart + chunk.length) {
                load(position / CHUNK);
            }
            int from = (int) (position - chunkStart);
            int n = (int) Math.min(Math.min(len, chunk.length - from), end - position);
            if (n <= 0) {
                throw new IOException("The content of " + key + " is shorter than its record says");
            }
            System.arraycopy(chunk, from, b, off, n);
            position += n;
            return n;
        }

        private void load(long seq) throws IOException {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s =
                            c.prepareStatement("SELECT data FROM document_chunk WHERE content_key = ? AND seq = ?")) {
                s.setString(1, key);
                s.setInt(2, (int) seq);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new MissingContentException(key + " (chunk " + seq + ")");
                    }
                    chunk = r.getBytes(1);
                    chunkStart = seq * CHUNK;
                }
            } catch (SQLException e) {
                throw new IOException("Could not read " + key, e);
            }
        }
    }
}
