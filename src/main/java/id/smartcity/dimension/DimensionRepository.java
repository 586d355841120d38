package id.smartcity.dimension;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DimensionRepository implements PanacheRepositoryBase<Dimension, String> {}
