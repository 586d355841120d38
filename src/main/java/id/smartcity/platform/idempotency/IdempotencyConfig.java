package id.smartcity.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "smartcity.idempotency")
public interface IdempotencyConfig {

    /** How long a recorded key answers with its response; at least 24 hours (DESIGN §4). */
    @WithDefault("24H")
    Duration retention();
}
