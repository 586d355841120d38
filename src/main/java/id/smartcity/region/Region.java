package id.smartcity.region;

import id.smartcity.dimension.DimensionCode;
import id.smartcity.platform.persistence.TimestampedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/** A region (kabupaten or kota): the tenant that every region-scoped record belongs to. */
@Entity
@Table(name = "region")
public class Region extends TimestampedEntity {

    /** The entity type in the audit trail. */
    public static final String AUDIT_TYPE = "REGION";

    /** Kemendagri code, {@code NN.NN}. */
    @Id
    public String code;

    public String name;

    @Enumerated(EnumType.STRING)
    public RegionType type;

    public String province;

    @Column(name = "cohort_year")
    public Integer cohortYear;

    @Version
    public long version;

    @ElementCollection
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "region_body", joinColumns = @JoinColumn(name = "region_code"))
    public List<Body> bodies = new ArrayList<>();

    @ElementCollection
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "region_dimension_coordinator", joinColumns = @JoinColumn(name = "region_code"))
    public List<Coordinator> coordinators = new ArrayList<>();

    /** One of the region's Smart City bodies and the decree that set it up. */
    @Embeddable
    public static class Body {

        @Enumerated(EnumType.STRING)
        public SmartCityBody body;

        @Column(name = "decree_number")
        public String decreeNumber;

        public String description;

        public Body() {}

        public Body(SmartCityBody body, String decreeNumber, String description) {
            this.body = body;
            this.decreeNumber = decreeNumber;
            this.description = description;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Body b
                    && body == b.body
                    && Objects.equals(decreeNumber, b.decreeNumber)
                    && Objects.equals(description, b.description);
        }

        @Override
        public int hashCode() {
            return Objects.hash(body, decreeNumber, description);
        }
    }

    /** The agency (OPD) that coordinates one dimension in this region. */
    @Embeddable
    public static class Coordinator {

        @Enumerated(EnumType.STRING)
        @Column(name = "dimension_code")
        public DimensionCode dimension;

        public String agency;

        public Coordinator() {}

        public Coordinator(DimensionCode dimension, String agency) {
            this.dimension = dimension;
            this.agency = agency;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Coordinator c && dimension == c.dimension && Objects.equals(agency, c.agency);
        }

        @Override
        public int hashCode() {
            return Objects.hash(dimension, agency);
        }
    }
}
