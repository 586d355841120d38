package id.smartcity.document;

import id.smartcity.audit.AuditAction;
import id.smartcity.audit.AuditTrail;
import id.smartcity.document.api.DocumentResponse;
import id.smartcity.platform.http.Page;
import id.smartcity.platform.http.PageRequest;
import id.smartcity.platform.http.Paging;
import id.smartcity.platform.http.SpooledBody;
import id.smartcity.platform.input.StrictText;
import id.smartcity.platform.persistence.RegionScopedEntity;
import id.smartcity.platform.persistence.TimestampedEntity;
import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.problem.Problem;
import id.smartcity.platform.problem.ProblemType;
import id.smartcity.region.RegionRepository;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Documents (rules in src/docs/documents.md): uploaded into a region by a writer of the region,
 * typed from their bytes, hashed while they stream, stored once per region and content, their
 * SHA-256 in the upload's audit event; archived by a coordinator, their content removed only by an
 * admin with a reason (the record and the events stay).
 */
@ApplicationScoped
public class DocumentService {

    static final Pattern INDICATOR = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    static final int MAX_TITLE = 200;

    @Inject
    DocumentRepository documents;

    @Inject
    DocumentStorage storage;

    @Inject
    RegionRepository regions;

    @Inject
    AuditTrail audit;

    @ConfigProperty(name = "smartcity.documents.max-file-size")
    MemorySize maxFileSize;

    @ConfigProperty(name = "smartcity.documents.region-quota")
    MemorySize regionQuota;

    /** The most bytes one file may have. */
    public long maxFileSize() {
        return maxFileSize.asLongValue();
    }

    /**
     * Spools the body (hashing it on the way), then stores it. The body is read before the region
     * is checked, so that a refusal never leaves it half read; it is never held in memory whole.
     */
    public Document upload(String regionCode, DocumentUpload in, InputStream body) {
        requireRegion(regionCode);
        try (SpooledBody spooled = SpooledBody.read(body, maxFileSize(), 256 * 1024, "The document")) {
            return store(regionCode, in, spooled);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 404 unless the caller sees the region: checked before an upload's body is read. */
    public void requireRegion(String regionCode) {
        regions.visible(regionCode);
    }

    @Transactional
    public Document store(String regionCode, DocumentUpload in, SpooledBody content) throws IOException {
        requireRegion(regionCode);
        check(regionCode, in);
        if (content.size() == 0) {
            // Nothing to keep, verify or show: no file type can be told from no bytes.
            throw ApiException.invalid("file", "is empty; a document needs content");
        }
        String mediaType;
        try (InputStream head = content.open()) {
            mediaType = FileTypes.detect(head, in.fileName(), in.declaredType());
        }
        documents.lockRegionUploads(regionCode);
        DocumentStore store = storage.store();
        String key = Document.contentKey(regionCode, content.sha256());
        if (!documents.contentExists(regionCode, content.sha256())) {
            long used = documents.storedBytes(regionCode);
            if (used + content.size() > regionQuota.asLongValue()) {
                throw new ApiException(new Problem(
                                ProblemType.PAYLOAD_TOO_LARGE,
                                "The region's documents would take " + (used + content.size())
                                        + " bytes, more than its quota of " + regionQuota.asLongValue() + " bytes",
                                null)
                        .with("quotaBytes", regionQuota.asLongValue())
                        .with("usedBytes", used));
            }
            documents.addContent(regionCode, content.sha256(), content.size(), mediaType, store.kind());
            try (InputStream bytes = content.open()) {
                store.put(key, content.size(), bytes);
            }
        }
        Document d = RegionScopedEntity.newIn(regionCode, Document::new);
        d.title = in.title().strip();
        d.kind = in.kind();
        d.ownerType = in.ownerType();
        d.ownerId = in.ownerId();
        d.indicatorCode = in.indicatorCode();
        d.fileName = FileTypes.sanitise(in.fileName(), mediaType);
        d.mediaType = mediaType;
        d.sizeBytes = content.size();
        d.sha256 = content.sha256();
        d.personalData = in.kind().personalData();
        documents.persist(d);
        audit.created(Document.AUDIT_TYPE, d.id.toString(), regionCode, state(d));
        documents.flush();
        return d;
    }

    /** ACTIVE → ARCHIVED, with a reason; the content stays downloadable. */
    @Transactional
    public Document archive(String regionCode, UUID id, String ifMatch, String reason) {
        Document d = documents.locked(regionCode, id, ifMatch);
        if (d.status != DocumentStatus.ACTIVE) {
            throw ApiException.conflict("The document is " + d.status + "; only an ACTIVE document is archived");
        }
        DocumentStatus from = d.status;
        d.status = DocumentStatus.ARCHIVED;
        d.statusReason = reason.strip();
        d.statusChangedAt = TimestampedEntity.now();
        audit.statusChanged(
                AuditAction.ARCHIVE, Document.AUDIT_TYPE, d.id.toString(), regionCode, from, d.status, d.statusReason);
        documents.flush();
        return d;
    }

    /**
     * An admin's removal of the content, with a reason: the record stays (status REMOVED), the
     * audit event records it, and the bytes go from the store unless another document of the
     * region still holds the same content.
     */
    @Transactional
    public Document remove(String regionCode, UUID id, String ifMatch, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.invalid("reason", "must say why the content is removed");
        }
        if (StrictText.length(reason) > 500) {
            throw ApiException.invalid("reason", "must be at most 500 characters");
        }
        Document d = documents.locked(regionCode, id, ifMatch);
        if (d.status == DocumentStatus.REMOVED) {
            throw ApiException.conflict("The document's content was removed already");
        }
        Map<String, Object> before = Map.of("status", d.status.name(), "sha256", d.sha256);
        d.status = DocumentStatus.REMOVED;
        d.statusReason = reason.strip();
        d.statusChangedAt = TimestampedEntity.now();
        d.contentRemovedAt = d.statusChangedAt;
        boolean deleted = false;
        documents.lockRegionUploads(regionCode);
        if (!documents.contentStillUsed(regionCode, d.sha256, d.id)) {
            documents.removeContent(regionCode, d.sha256);
            try {
                storage.store().delete(d.contentKey());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            deleted = true;
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", d.status.name());
        after.put("reason", d.statusReason);
        after.put("contentDeleted", deleted);
        audit.record(AuditAction.DELETE, Document.AUDIT_TYPE, d.id.toString(), regionCode, before, after);
        documents.flush();
        return d;
    }

    public Page<DocumentResponse> page(String regionCode, DocumentFilter filter, PageRequest page) {
        return Paging.page(documents.search(regionCode, filter, page.sort()), page, DocumentMapper::toResponse);
    }

    /** At most {@code rows} records from the page's offset on, for an export. */
    public List<DocumentResponse> export(String regionCode, DocumentFilter filter, PageRequest page, int rows) {
        return documents
                .search(regionCode, filter, page.sort())
                .range(page.offset(), page.offset() + rows - 1)
                .list()
                .stream()
                .map(DocumentMapper::toResponse)
                .toList();
    }

    public Document find(String regionCode, UUID id) {
        return documents.found(regionCode, id);
    }

    /** The stored bytes, streamed: 410 when an admin removed them. */
    public InputStream content(Document d, long offset, long length) {
        if (d.status == DocumentStatus.REMOVED) {
            throw ApiException.of(
                    ProblemType.GONE,
                    "The document's content was removed on " + d.contentRemovedAt + ": " + d.statusReason);
        }
        try {
            return storage.store().open(d.contentKey(), offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Recomputes the SHA-256 from the stored bytes and compares it with the one the upload's audit
     * event carries and with the record's.
     */
    public Verification verify(Document d) {
        Object[] event = documents.uploadEvent(d.id).orElse(null);
        Long eventId = event == null ? null : ((Number) event[0]).longValue();
        String audited = event == null ? null : (String) event[1];
        List<String> differences = new ArrayList<>();
        if (audited == null) {
            differences.add("no upload event with a SHA-256 is in the audit trail");
        } else if (!audited.equals(d.sha256)) {
            differences.add("the record's SHA-256 is not the one in the audit trail");
        }
        String stored = null;
        long read = 0;
        if (d.status == DocumentStatus.REMOVED) {
            differences.add("the content was removed on " + d.contentRemovedAt);
        } else {
            try (InputStream in = storage.store().open(d.contentKey(), 0, d.sizeBytes)) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    sha.update(buffer, 0, n);
                    read += n;
                }
                stored = HexFormat.of().formatHex(sha.digest());
                if (read != d.sizeBytes) {
                    differences.add("storage holds " + read + " bytes, the record says " + d.sizeBytes);
                }
                if (audited != null && !stored.equals(audited)) {
                    differences.add("the stored bytes do not hash to the SHA-256 in the audit trail");
                }
            } catch (DocumentStore.MissingContentException e) {
                differences.add("storage holds no content for the document");
            } catch (IOException e) {
                differences.add("storage could not be read to the end");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return new Verification(
                differences.isEmpty(),
                audited,
                stored,
                read,
                eventId,
                differences.isEmpty() ? null : String.join("; ", differences));
    }

    /** What {@link #verify} found. */
    public record Verification(
            boolean intact,
            String auditedSha256,
            String storedSha256,
            long storedSize,
            Long auditEventId,
            String detail) {}

    /** What the audit trail records of an upload: everything but the bytes, the SHA-256 included. */
    static Map<String, Object> state(Document d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", d.title);
        m.put("kind", d.kind.name());
        m.put("ownerType", d.ownerType == null ? null : d.ownerType.name());
        m.put("ownerId", d.ownerId == null ? null : d.ownerId.toString());
        m.put("indicatorCode", d.indicatorCode);
        m.put("fileName", d.fileName);
        m.put("mediaType", d.mediaType);
        m.put("sizeBytes", d.sizeBytes);
        m.put("sha256", d.sha256);
        m.put("personalData", d.personalData);
        return m;
    }

    /** The fields: a title, a kind, an owner of this region if any (400 for form, 422 for owners). */
    private void check(String regionCode, DocumentUpload in) {
        List<Problem.FieldError> invalid = new ArrayList<>();
        if (in.title() == null || in.title().isBlank()) {
            invalid.add(new Problem.FieldError("title", "must not be blank"));
        } else if (StrictText.length(in.title()) > MAX_TITLE) {
            invalid.add(new Problem.FieldError("title", "must be at most " + MAX_TITLE + " characters"));
        } else if (StrictText.problem(in.title()) != null) {
            invalid.add(new Problem.FieldError("title", StrictText.problem(in.title())));
        }
        if (in.kind() == null) {
            invalid.add(new Problem.FieldError("kind", "must be one of the document kinds"));
        }
        if ((in.ownerType() == null) != (in.ownerId() == null)) {
            invalid.add(new Problem.FieldError(
                    in.ownerType() == null ? "ownerType" : "ownerId", "ownerType and ownerId go together"));
        }
        if (in.indicatorCode() != null) {
            if (in.ownerType() != DocumentOwnerType.READINESS_ASSESSMENT) {
                invalid.add(
                        new Problem.FieldError("indicatorCode", "is given only with ownerType READINESS_ASSESSMENT"));
            } else if (!INDICATOR.matcher(in.indicatorCode()).matches()) {
                invalid.add(new Problem.FieldError("indicatorCode", "must be an indicator code such as SDM"));
            }
        }
        if (in.fileName() != null && StrictText.problem(in.fileName()) != null) {
            invalid.add(new Problem.FieldError("fileName", StrictText.problem(in.fileName())));
        }
        if (!invalid.isEmpty()) {
            throw ApiException.invalid(invalid);
        }
        if (in.ownerType() != null && !documents.ownerExists(regionCode, in.ownerType(), in.ownerId())) {
            // Never says whether the id exists in another region.
            throw ApiException.unprocessable(
                    List.of(new Problem.FieldError("ownerId", "no such " + in.ownerType() + " in this region")));
        }
    }
}
