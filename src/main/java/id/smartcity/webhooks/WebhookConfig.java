package id.smartcity.webhooks;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The receiver checks, with the allow-list of {@code smartcity.webhooks.allowed-hosts}. */
public class WebhookConfig {

    @Produces
    @Singleton
    WebhookTargets targets(@ConfigProperty(name = "smartcity.webhooks.allowed-hosts") Optional<List<String>> hosts) {
        return new WebhookTargets(Set.copyOf(hosts.orElse(List.of())));
    }
}
