package id.smartcity.webhooks;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

/** Subscriptions, filtered to the caller's own unless the caller sees all ({@code owner} null). */
@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    public PanacheQuery<WebhookSubscription> visible(String owner, Sort sort) {
        return owner == null ? findAll(sort) : find("owner = :owner", sort, Parameters.with("owner", owner));
    }

    public Optional<WebhookSubscription> visible(String owner, UUID id) {
        return owner == null
                ? findByIdOptional(id)
                : find("id = :id and owner = :owner", Parameters.with("id", id).and("owner", owner))
                        .firstResultOptional();
    }

    /** {@link #visible(String, UUID)}, row-locked until the transaction ends. */
    public Optional<WebhookSubscription> locked(String owner, UUID id) {
        return owner == null
                ? find("id = :id", Parameters.with("id", id))
                        .withLock(LockModeType.PESSIMISTIC_WRITE)
                        .firstResultOptional()
                : find("id = :id and owner = :owner", Parameters.with("id", id).and("owner", owner))
                        .withLock(LockModeType.PESSIMISTIC_WRITE)
                        .firstResultOptional();
    }

    public PanacheQuery<WebhookDelivery> deliveries(UUID subscriptionId, Sort sort) {
        return WebhookDelivery.find("subscriptionId = :s", sort, Parameters.with("s", subscriptionId));
    }
}
