package id.smartcity.document;

import id.smartcity.platform.persistence.RegionScopedRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Documents and their contents, always filtered to the path's region and the caller's regions in
 * the query. The owners (sessions, quick wins, …) are looked up in their tables in SQL.
 */
@ApplicationScoped
public class DocumentRepository extends RegionScopedRepository<Document> {

    public DocumentRepository() {
        super("Document");
    }

    public PanacheQuery<Document> search(String regionCode, DocumentFilter f, Sort sort) {
        return find(
                where(regionCode)
                        .and("ownerType", "ownerType = :ownerType", f.ownerType())
                        .and("ownerId", "ownerId = :ownerId", f.ownerId())
                        .and("kind", "kind = :kind", f.kind())
                        .and("status", "status = :status", f.status())
                        .and("sha256", "sha256 = :sha256", f.sha256()),
                sort);
    }

    /** Whether the owner is a record of this region (a progress report through its quick win). */
    public boolean ownerExists(String regionCode, DocumentOwnerType type, UUID id) {
        String sql = type == DocumentOwnerType.PROGRESS_REPORT
                ? "SELECT EXISTS (SELECT 1 FROM progress_report p JOIN quick_win q ON q.id = p.quick_win_id"
                        + " WHERE p.id = ?1 AND q.region_code = ?2)"
                : "SELECT EXISTS (SELECT 1 FROM " + type.table + " WHERE id = ?1 AND region_code = ?2)";
        return (Boolean) getEntityManager()
                .createNativeQuery(sql)
                .setParameter(1, id)
                .setParameter(2, regionCode)
                .getSingleResult();
    }

    /**
     * Serialises the uploads of one region until the transaction ends (a transaction-scoped
     * advisory lock), so that two concurrent uploads cannot both pass the quota.
     */
    public void lockRegionUploads(String regionCode) {
        getEntityManager()
                .createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('document:' || ?1))) l")
                .setParameter(1, regionCode)
                .getSingleResult();
    }

    /** The bytes the region's distinct contents take (what its quota counts). */
    public long storedBytes(String regionCode) {
        Number n = (Number) getEntityManager()
                .createNativeQuery("SELECT COALESCE(sum(size_bytes), 0) FROM document_content WHERE region_code = ?1")
                .setParameter(1, regionCode)
                .getSingleResult();
        return n.longValue();
    }

    public boolean contentExists(String regionCode, String sha256) {
        return (Boolean) getEntityManager()
                .createNativeQuery(
                        "SELECT EXISTS (SELECT 1 FROM document_content WHERE region_code = ?1 AND sha256 = ?2)")
                .setParameter(1, regionCode)
                .setParameter(2, sha256)
                .getSingleResult();
    }

    public void addContent(String regionCode, String sha256, long size, String mediaType, String store) {
        getEntityManager()
                .createNativeQuery("INSERT INTO document_content (region_code, sha256, size_bytes, media_type, store,"
                        + " stored_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING")
                .setParameter(1, regionCode)
                .setParameter(2, sha256)
                .setParameter(3, size)
                .setParameter(4, mediaType)
                .setParameter(5, store)
                .setParameter(6, OffsetDateTime.now())
                .executeUpdate();
    }

    /** Whether a document other than {@code except} that is not REMOVED still holds this content. */
    public boolean contentStillUsed(String regionCode, String sha256, UUID except) {
        return (Boolean) getEntityManager()
                .createNativeQuery("SELECT EXISTS (SELECT 1 FROM document WHERE region_code = ?1 AND sha256 = ?2"
                        + " AND id <> ?3 AND status <> 'REMOVED')")
                .setParameter(1, regionCode)
                .setParameter(2, sha256)
                .setParameter(3, except)
                .getSingleResult();
    }

    public void removeContent(String regionCode, String sha256) {
        getEntityManager()
                .createNativeQuery("DELETE FROM document_content WHERE region_code = ?1 AND sha256 = ?2")
                .setParameter(1, regionCode)
                .setParameter(2, sha256)
                .executeUpdate();
    }

    /** The upload's audit event of a document: its id and the SHA-256 it recorded, from the chain. */
    public Optional<Object[]> uploadEvent(UUID documentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("SELECT id, after_json::jsonb ->> 'sha256' FROM audit_event"
                        + " WHERE entity_type = ?1 AND entity_id = ?2 AND action = 'CREATE' ORDER BY id LIMIT 1")
                .setParameter(1, Document.AUDIT_TYPE)
                .setParameter(2, documentId.toString())
                .getResultList();
        return rows.stream().findFirst();
    }
}
