package id.smartcity.document;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.TlsTrustManagersProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The bytes in an S3-compatible bucket, object {@code <prefix>/<regionCode>/<sha256>}. Selected by
 * {@code smartcity.documents.store=s3}; configured by {@link S3StoreConfig}.
 *
 * <p>The client is built, and the bucket looked up, on first use: {@link DocumentStorage} creates
 * every store to ask its kind, and a PostgreSQL deployment must not need S3 settings. Puts stream
 * the spooled upload with its length known; reads are ranged GETs. Unlike the PostgreSQL store, a
 * put is not part of the upload's transaction: a rolled-back upload can leave an object behind,
 * which the same content's next upload overwrites with the same bytes (the key is the hash).
 *
 * <p>Error messages name the endpoint, bucket and key, never the credentials.
 */
@ApplicationScoped
public class S3DocumentStore implements DocumentStore {

    public static final String KIND = "s3";

    @Inject
    S3StoreConfig config;

    /** Whom TLS trusts; {@code null}: the JVM's trust store. */
    private final TlsTrustManagersProvider trust;

    private S3Client client;

    S3DocumentStore() {
        this.trust = null;
    }

    /** A store outside CDI (tests), trusting {@code trust} for TLS (the JVM's trust store if null). */
    S3DocumentStore(S3StoreConfig config, TlsTrustManagersProvider trust) {
        this.config = config;
        this.trust = trust;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Stops the start-up of an S3 deployment that names no bucket, or half a static credential. */
    @Override
    public void checkConfiguration() {
        if (config.bucket().filter(b -> !b.isBlank()).isEmpty()) {
            throw new IllegalStateException("smartcity.documents.store=s3 needs a bucket: set DOCUMENT_S3_BUCKET"
                    + " (smartcity.documents.s3.bucket)");
        }
        if (config.accessKeyId().isPresent() != config.secretAccessKey().isPresent()) {
            throw new IllegalStateException("Set both DOCUMENT_S3_ACCESS_KEY_ID and DOCUMENT_S3_SECRET_ACCESS_KEY, or"
                    + " neither (the SDK's default credential chain then applies)");
        }
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        S3Client s3 = client();
        try {
            s3.headObject(r -> r.bucket(bucket()).key(objectKey(key)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (SdkException e) {
            throw failure("look up", key, e);
        }
    }

    @Override
    public void put(String key, long size, InputStream content) throws IOException {
        S3Client s3 = client();
        try {
            s3.putObject(
                    r -> r.bucket(bucket()).key(objectKey(key)).contentLength(size),
                    RequestBody.fromInputStream(new Exactly(content, size, key), size));
        } catch (SdkException e) {
            throw removeIncomplete(s3, key, size, failure("store", key, e));
        } catch (UncheckedIOException e) {
            // The content's own read failure (one that ended early), passed through by the SDK.
            throw removeIncomplete(s3, key, size, e.getCause());
        }
    }

    /**
     * After a failed put: an object of another size under the key is what the failed request left
     * (S3 itself keeps nothing of an incomplete body; s3rver keeps an empty object), and goes. An
     * object of the right size is the same content stored before, and stays.
     */
    private IOException removeIncomplete(S3Client s3, String key, long size, IOException failure) {
        try {
            long stored =
                    s3.headObject(r -> r.bucket(bucket()).key(objectKey(key))).contentLength();
            if (stored != size) {
                s3.deleteObject(r -> r.bucket(bucket()).key(objectKey(key)));
            }
        } catch (NoSuchKeyException e) {
            // nothing was left
        } catch (SdkException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        S3Client s3 = client();
        try {
            if (length == 0) {
                // A zero-length range cannot be asked for; the object must still exist.
                if (!exists(key)) {
                    throw new MissingContentException(key);
                }
                return InputStream.nullInputStream();
            }
            InputStream body = s3.getObject(
                    r -> r.bucket(bucket()).key(objectKey(key)).range("bytes=" + offset + "-" + (offset + length - 1)));
            return new Exactly(body, length, key);
        } catch (NoSuchKeyException e) {
            throw new MissingContentException(key);
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        S3Client s3 = client();
        try {
            s3.deleteObject(r -> r.bucket(bucket()).key(objectKey(key)));
        } catch (NoSuchKeyException e) {
            // S3 answers 204 for a missing key; some compatible servers say NoSuchKey.
        } catch (SdkException e) {
            throw failure("delete", key, e);
        }
    }

    /** The object key of a content key: the prefix as a folder, then the content key. */
    String objectKey(String key) {
        String prefix = config.prefix().orElse("").strip();
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        while (prefix.startsWith("/")) {
            prefix = prefix.substring(1);
        }
        return prefix.isEmpty() ? key : prefix + "/" + key;
    }

    private String bucket() {
        return config.bucket().orElseThrow().strip();
    }

    /** The client, built and its bucket checked on first use; a failed check is tried again next time. */
    synchronized S3Client client() throws IOException {
        if (client != null) {
            return client;
        }
        checkConfiguration();
        S3Client s3 = build();
        try {
            s3.headBucket(r -> r.bucket(bucket()));
        } catch (S3Exception e) {
            s3.close();
            if (e instanceof NoSuchBucketException || e.statusCode() == 404) {
                throw new IOException("The bucket " + bucket() + " does not exist at " + where()
                        + ": create it, or set DOCUMENT_S3_BUCKET to one that exists");
            }
            throw new IOException(
                    "The bucket " + bucket() + " at " + where() + " answered " + e.statusCode() + " (" + errorCode(e)
                            + "): check the credentials' rights on it",
                    e);
        } catch (SdkException e) {
            s3.close();
            throw new IOException(
                    "Could not reach the S3 endpoint " + where() + " (bucket " + bucket() + "): " + e.getMessage(), e);
        }
        client = s3;
        return client;
    }

    private S3Client build() {
        UrlConnectionHttpClient.Builder http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30));
        if (trust != null) {
            http.tlsTrustManagersProvider(trust);
        }
        var builder = S3Client.builder()
                .httpClient(http.build())
                .region(Region.of(config.region()))
                .credentialsProvider(credentials())
                // Path-style (https://host/bucket/key): what S3-compatible servers support, and no
                // DNS name per bucket.
                .forcePathStyle(true)
                // No flexible checksum unless an operation requires one: with it, the SDK sends a put
                // as an aws-chunked body with a trailing CRC, which not every S3-compatible server
                // decodes (s3rver stores it as it came). TLS guards the transfer, and the content's
                // SHA-256 is in the record and the audit trail (…/verify reads the bytes back).
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED);
        config.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private AwsCredentialsProvider credentials() {
        if (config.accessKeyId().isPresent() && config.secretAccessKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    config.accessKeyId().get(), config.secretAccessKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** The endpoint without any user information, for messages. */
    private String where() {
        return config.endpoint()
                .map(u -> u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()))
                .orElse("AWS S3 (" + config.region() + ")");
    }

    private IOException failure(String what, String key, SdkException e) {
        String detail = e instanceof S3Exception s3
                ? s3.statusCode() + " " + errorCode(s3)
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new IOException(
                "Could not " + what + " " + key + " in bucket " + bucket() + " at " + where() + ": " + detail, e);
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                ? "no error code"
                : e.awsErrorDetails().errorCode();
    }

    /**
     * Exactly {@code size} bytes of a stream: fewer is an error (a content shorter than its record,
     * or an upload that ended early), and nothing past them is read.
     */
    private static final class Exactly extends FilterInputStream {

        private final String key;
        private final long size;
        private long left;
        private long marked = -1;

        Exactly(InputStream in, long size, String key) {
            super(in);
            this.key = key;
            this.size = size;
            this.left = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new IOException(
                        "The content of " + key + " ended after " + (size - left) + " of " + size + " bytes");
            }
            left -= n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(Math.min(n, left));
            left -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), left);
        }

        @Override
        public synchronized void mark(int limit) {
            in.mark(limit);
            marked = left;
        }

        @Override
        public synchronized void reset() throws IOException {
            in.reset();
            left = marked;
        }
    }
}
