package id.smartcity.platform.ratelimit;

import io.smallrye.config.ConfigMapping;

/** Requests allowed per caller in a one-minute window (src/docs/api-conventions.md: rate limits). */
@ConfigMapping(prefix = "smartcity.rate-limit")
public interface RateLimitConfig {

    /** A person: counted by token subject. */
    int userPerMinute();

    /** An integrating system's service account: counted by client id, across all its tokens. */
    int serviceAccountPerMinute();

    /** Requests without a valid token: counted by client IP address. */
    int anonymousPerMinute();
}
