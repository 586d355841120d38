package id.smartcity.stakeholder;

import id.smartcity.dimension.DimensionCode;
import id.smartcity.platform.persistence.RegionScopedEntity;
import id.smartcity.platform.persistence.TextSearch;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/** A party in a region's Smart City program, grouped into one or more dimensions. */
@Entity
@Table(name = "stakeholder")
public class Stakeholder extends RegionScopedEntity {

    public static final String AUDIT_TYPE = "STAKEHOLDER";

    public String name;

    @Enumerated(EnumType.STRING)
    public StakeholderKind kind;

    public String organisation;

    public String position;

    /** Personal data. */
    public String email;

    /** Personal data, normalised to +62…. */
    public String phone;

    public boolean active = true;

    @Column(name = "search_text")
    public String searchText;

    // Batched (quarkus.hibernate-orm.fetch.batch-size), not SUBSELECT: a subselect repeats the
    // owners' query without its limit.
    @ElementCollection
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "stakeholder_membership", joinColumns = @JoinColumn(name = "stakeholder_id"))
    public List<Membership> memberships = new ArrayList<>();

    @PrePersist
    void onCreate() {
        searchText = TextSearch.normalise(name, organisation);
    }

    @PreUpdate
    void onUpdate() {
        searchText = TextSearch.normalise(name, organisation);
    }

    /** Membership in one dimension. */
    @Embeddable
    public static class Membership {

        @Enumerated(EnumType.STRING)
        @Column(name = "dimension_code")
        public DimensionCode dimension;

        @Enumerated(EnumType.STRING)
        public MembershipRole role;

        /** The stakeholder's region, repeated so the database can enforce one lead per dimension. */
        @Column(name = "region_code")
        public String regionCode;

        public Membership() {}

        public Membership(DimensionCode dimension, MembershipRole role, String regionCode) {
            this.dimension = dimension;
            this.role = role;
            this.regionCode = regionCode;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Membership m
                    && dimension == m.dimension
                    && role == m.role
                    && Objects.equals(regionCode, m.regionCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(dimension, role, regionCode);
        }
    }
}
