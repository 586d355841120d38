package id.smartcity.document;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/**
 * The S3 document store's settings ({@code smartcity.documents.s3.*}), read only when {@code
 * smartcity.documents.store=s3}. Without an access key the SDK's default credential chain applies
 * (environment, profile, container or instance role).
 */
@ConfigMapping(prefix = "smartcity.documents.s3")
public interface S3StoreConfig {

    /** An S3-compatible service (MinIO, Ceph, a provider's); unset: AWS's endpoint for the region. */
    Optional<URI> endpoint();

    @WithDefault("us-east-1")
    String region();

    /** Required with the S3 store: the start-up stops without it. */
    Optional<String> bucket();

    /** Prepended to every content key, as a folder ({@code smartcity/} and {@code smartcity} alike). */
    Optional<String> prefix();

    Optional<String> accessKeyId();

    Optional<String> secretAccessKey();
}
