package id.smartcity.readiness;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** One version of a scoring framework; its definition is a validated JSON document. */
@Entity
@Table(name = "framework_version")
public class FrameworkVersion extends PanacheEntityBase {

    public static final String AUDIT_TYPE = "FRAMEWORK_VERSION";

    @Id
    public UUID id;

    @Column(name = "framework_code")
    public String frameworkCode;

    public int version;

    @Column(name = "name_id")
    public String nameId;

    @Column(name = "name_en")
    public String nameEn;

    public String description;

    /** JSON of {@code FrameworkDefinition}. */
    public String definition;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @PrePersist
    void onCreate() {
        createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public String auditId() {
        return frameworkCode + "/" + version;
    }
}
