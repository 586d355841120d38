package id.smartcity.document;

import id.smartcity.platform.persistence.RegionScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A file kept with the record: its metadata; the bytes are in the {@link DocumentStore}. */
@Entity
@Table(name = "document")
public class Document extends RegionScopedEntity {

    public static final String AUDIT_TYPE = "DOCUMENT";

    public String title;

    @Enumerated(EnumType.STRING)
    public DocumentKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_type")
    public DocumentOwnerType ownerType;

    @Column(name = "owner_id")
    public UUID ownerId;

    @Column(name = "indicator_code")
    public String indicatorCode;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "media_type")
    public String mediaType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public String sha256;

    @Column(name = "personal_data")
    public boolean personalData;

    @Enumerated(EnumType.STRING)
    public DocumentStatus status = DocumentStatus.ACTIVE;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_changed_at")
    public OffsetDateTime statusChangedAt;

    @Column(name = "content_removed_at")
    public OffsetDateTime contentRemovedAt;

    /** Where the bytes are, in whichever store: the same content in one region has one key. */
    public String contentKey() {
        return contentKey(regionCode, sha256);
    }

    public static String contentKey(String regionCode, String sha256) {
        return regionCode + "/" + sha256;
    }
}
