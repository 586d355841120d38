package id.smartcity.readiness;

import id.smartcity.platform.persistence.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/** One version of a scoring framework; its definition is a validated JSON document. */
@Entity
@Table(name = "framework_version")
public class FrameworkVersion extends TimestampedEntity {

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

    public String auditId() {
        return frameworkCode + "/" + version;
    }
}
