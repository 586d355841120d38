package id.smartcity.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A row that belongs to a region, found by {@link RegionScopedRepository} within the caller's
 * regions; its {@code version} is the optimistic lock and the ETag of what it represents.
 */
@MappedSuperclass
public abstract class RegionScopedEntity extends TimestampedEntity {

    @Id
    public UUID id;

    @Column(name = "region_code")
    public String regionCode;

    @Version
    public long version;

    /** A new row of the region, with a fresh id (not yet persisted). */
    public static <E extends RegionScopedEntity> E newIn(String regionCode, Supplier<E> constructor) {
        E row = constructor.get();
        row.id = UUID.randomUUID();
        row.regionCode = regionCode;
        return row;
    }
}
