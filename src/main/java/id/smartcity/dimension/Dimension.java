package id.smartcity.dimension;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.hibernate.annotations.Immutable;

/** A Smart City dimension: reference data seeded by migration, never written by the service. */
@Entity
@Immutable
@Table(name = "dimension")
public class Dimension extends PanacheEntityBase {

    @Id
    public String code;

    public int position;

    @Column(name = "name_id")
    public String nameId;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "description_id")
    public String descriptionId;

    @Column(name = "description_en")
    public String descriptionEn;

    // Loaded for a whole page of dimensions in one query.
    @ElementCollection
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "dimension_element", joinColumns = @JoinColumn(name = "dimension_code"))
    @OrderBy("position")
    public List<Element> elements = new ArrayList<>();

    /** One element of a dimension, as used in national evaluations. */
    @Embeddable
    public static class Element {

        public String code;

        public int position;

        @Column(name = "name_id")
        public String nameId;

        @Column(name = "name_en")
        public String nameEn;
    }
}
