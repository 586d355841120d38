package id.smartcity.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.smartcity.audit.AuditAction;
import id.smartcity.audit.AuditTrail;
import id.smartcity.changes.ChangeFeed;
import id.smartcity.changes.ChangeType;
import id.smartcity.platform.http.ETags;
import id.smartcity.platform.http.MergePatch;
import id.smartcity.platform.http.Page;
import id.smartcity.platform.http.PageRequest;
import id.smartcity.platform.http.Paging;
import id.smartcity.platform.persistence.TimestampedEntity;
import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.problem.Problem;
import id.smartcity.platform.problem.ProblemType;
import id.smartcity.platform.security.Caller;
import id.smartcity.platform.security.RegionCodes;
import id.smartcity.platform.security.RegionScope;
import id.smartcity.platform.security.Roles;
import id.smartcity.webhooks.api.WebhookDeliveryResponse;
import id.smartcity.webhooks.api.WebhookSubscriptionRequest;
import id.smartcity.webhooks.api.WebhookSubscriptionResponse;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Webhook subscriptions: admins manage every one, a service account its own; anybody else is
 * refused. Secrets are shown once (creation, rotation) and never audited or logged.
 */
@ApplicationScoped
public class WebhookSubscriptionService {

    /** How long the previous secret still signs after a rotation. */
    static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    @Inject
    jakarta.validation.Validator validator;

    @Inject
    WebhookSubscriptionRepository subscriptions;

    @Inject
    AuditTrail audit;

    @Inject
    SecurityIdentity identity;

    @Inject
    RegionScope scope;

    @Inject
    WebhookTargets targets;

    @Inject
    MergePatch mergePatch;

    @Inject
    ChangeFeed feed;

    @Inject
    WebhookSender sender;

    @Inject
    WebhookDeliveryStore deliveries;

    @Inject
    ObjectMapper mapper;

    /** A subscription and, when it was just made, its secret. */
    public record WithSecret(WebhookSubscription subscription, String secret) {}

    public Page<WebhookSubscriptionResponse> list(PageRequest page) {
        return Paging.page(
                subscriptions.visible(ownerFilter(), page.sort()), page, s -> WebhookMapper.toResponse(s, null));
    }

    public WebhookSubscription find(UUID id) {
        return subscriptions
                .visible(ownerFilter(), id)
                .orElseThrow(() -> ApiException.notFound("Webhook subscription " + id));
    }

    @Transactional
    public WithSecret create(WebhookSubscriptionRequest request) {
        Caller caller = requireManager();
        // Bean validation after the role check, so that a person who may not subscribe learns
        // that (403) rather than what is wrong with the body.
        Set<jakarta.validation.ConstraintViolation<WebhookSubscriptionRequest>> violations =
                validator.validate(request);
        if (!violations.isEmpty()) {
            throw new jakarta.validation.ConstraintViolationException(violations);
        }
        Valid v = validate(request);
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.owner = caller.key().orElse("system");
        s.targetUrl = v.targetUrl();
        s.eventTypes = v.eventTypes().toArray(String[]::new);
        s.regionCodes = v.regionCodes().toArray(String[]::new);
        s.active = !Boolean.FALSE.equals(request.active());
        s.secret = WebhookSigner.newSecret();
        s.cursor = feed.head();
        s.nextAttemptAt = TimestampedEntity.now();
        subscriptions.persist(s);
        audit.created(WebhookSubscription.AUDIT_TYPE, s.id.toString(), null, WebhookMapper.toState(s));
        return new WithSecret(s, s.secret);
    }

    @Transactional
    public WebhookSubscription patch(UUID id, String ifMatch, JsonNode patch) {
        WebhookSubscription s = locked(id);
        ETags.checkIfMatch(ifMatch, s.version);
        WebhookSubscriptionRequest before = WebhookMapper.toState(s);
        WebhookSubscriptionRequest merged = mergePatch.apply(before, patch, WebhookSubscriptionRequest.class);
        Valid v = validate(merged);
        s.targetUrl = v.targetUrl();
        s.eventTypes = v.eventTypes().toArray(String[]::new);
        s.regionCodes = v.regionCodes().toArray(String[]::new);
        s.active = !Boolean.FALSE.equals(merged.active());
        audit.updated(WebhookSubscription.AUDIT_TYPE, s.id.toString(), null, before, WebhookMapper.toState(s));
        subscriptions.flush();
        return s;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        WebhookSubscription s = locked(id);
        ETags.checkIfMatch(ifMatch, s.version);
        WebhookSubscriptionRequest before = WebhookMapper.toState(s);
        subscriptions.delete(s);
        audit.record(AuditAction.DELETE, WebhookSubscription.AUDIT_TYPE, id.toString(), null, before, null);
    }

    /** A new secret, shown once; the previous one keeps signing for 24 h. */
    @Transactional
    public WithSecret rotateSecret(UUID id, String ifMatch) {
        WebhookSubscription s = locked(id);
        ETags.checkIfMatch(ifMatch, s.version);
        OffsetDateTime before = s.previousSecretValidUntil;
        s.previousSecret = s.secret;
        s.previousSecretValidUntil = TimestampedEntity.now().plus(ROTATION_OVERLAP);
        s.secret = WebhookSigner.newSecret();
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("previousSecretValidUntil", before);
        audit.record(
                AuditAction.UPDATE,
                WebhookSubscription.AUDIT_TYPE,
                id.toString(),
                null,
                was,
                Map.of("secretRotated", true, "previousSecretValidUntil", s.previousSecretValidUntil));
        subscriptions.flush();
        return new WithSecret(s, s.secret);
    }

    public Page<WebhookDeliveryResponse> deliveries(UUID id, PageRequest page) {
        find(id);
        return Paging.page(subscriptions.deliveries(id, page.sort()), page, WebhookMapper::toResponse);
    }

    /** Delivers a {@code webhook.ping} event now and answers how it went (the cursor does not move). */
    public WebhookDeliveryResponse ping(UUID id) {
        WebhookSubscription s = find(id);
        String eventId = "ping_" + UUID.randomUUID();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", eventId);
        event.put("type", "webhook.ping");
        event.put("occurredAt", TimestampedEntity.now().toString());
        event.put("version", 1);
        String body;
        try {
            body = mapper.writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        List<String> secrets = new ArrayList<>();
        secrets.add(s.secret);
        if (s.previousSecret != null
                && s.previousSecretValidUntil != null
                && s.previousSecretValidUntil.isAfter(TimestampedEntity.now())) {
            secrets.add(s.previousSecret);
        }
        OffsetDateTime at = TimestampedEntity.now();
        WebhookSender.Result r = sender.send(s.id, s.targetUrl, eventId, body, secrets);
        deliveries.record(s.id, eventId, r, null);
        return new WebhookDeliveryResponse(
                null, eventId, at, r.statusCode(), r.durationMs(), r.error(), null, r.success());
    }

    private WebhookSubscription locked(UUID id) {
        return subscriptions
                .locked(ownerFilter(), id)
                .orElseThrow(() -> ApiException.notFound("Webhook subscription " + id));
    }

    /** Null for an admin (every subscription), else the caller's own key. */
    private String ownerFilter() {
        Caller caller = requireManager();
        return identity.hasRole(Roles.ADMIN) ? null : caller.key().orElseThrow();
    }

    private Caller requireManager() {
        Caller caller = Caller.of(identity);
        if (!identity.hasRole(Roles.ADMIN)
                && !(caller.serviceAccount() && caller.key().isPresent())) {
            throw ApiException.of(
                    ProblemType.FORBIDDEN,
                    "Only admins and service accounts (for themselves) manage webhook subscriptions");
        }
        return caller;
    }

    private record Valid(String targetUrl, List<String> eventTypes, List<String> regionCodes) {}

    /** 400 for what is malformed, then 422 for a refused receiver, then 403 for another's region. */
    private Valid validate(WebhookSubscriptionRequest r) {
        List<Problem.FieldError> malformed = new ArrayList<>();
        String url = r.targetUrl() == null ? "" : r.targetUrl().trim();
        Optional<String> refusal = targets.refusal(url);
        boolean unreachable = refusal.isPresent() && refusal.get().contains("resolve");
        if (refusal.isPresent() && !unreachable) {
            malformed.add(new Problem.FieldError("targetUrl", refusal.get()));
        }
        Set<String> types = new LinkedHashSet<>();
        if (r.eventTypes() != null) {
            for (String t : r.eventTypes()) {
                if (t == null || ChangeType.ofWireName(t.trim()).isEmpty()) {
                    malformed.add(new Problem.FieldError(
                            "eventTypes",
                            "holds an unknown type '" + t + "'; the types are those of ChangeEvent.type"));
                } else {
                    types.add(t.trim());
                }
            }
        }
        Set<String> regions = new TreeSet<>();
        if (r.regionCodes() != null) {
            for (String code : r.regionCodes()) {
                if (code == null || !RegionCodes.FORMAT.matcher(code).matches()) {
                    malformed.add(new Problem.FieldError("regionCodes", RegionCodes.MESSAGE + ": '" + code + "'"));
                } else {
                    regions.add(code);
                }
            }
        }
        if (!malformed.isEmpty()) {
            throw ApiException.invalid(malformed);
        }
        if (unreachable) {
            throw ApiException.unprocessable(List.of(new Problem.FieldError("targetUrl", refusal.get())));
        }
        for (String code : regions) {
            if (!scope.sees(code)) {
                throw new ApiException(new Problem(
                        ProblemType.FORBIDDEN,
                        "regionCodes " + code + " is not one of your regions",
                        List.of(new Problem.FieldError("regionCodes", code + " is not one of your regions"))));
            }
        }
        if (regions.isEmpty() && !scope.unrestricted()) {
            regions.addAll(scope.regions());
            if (regions.isEmpty()) {
                throw ApiException.unprocessable(List.of(
                        new Problem.FieldError("regionCodes", "your token names no region to deliver the events of")));
            }
        }
        return new Valid(url, List.copyOf(types), List.copyOf(regions));
    }
}
