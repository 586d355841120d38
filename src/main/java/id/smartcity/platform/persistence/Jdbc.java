package id.smartcity.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Plain JDBC for the streaming readers, which read more rows than Hibernate should hold. */
public final class Jdbc {

    private Jdbc() {}

    /**
     * Binds {@code params} to the statement's placeholders in order: a {@code String[]} (the
     * caller's regions, {@code RegionScope.sql}) as a {@code varchar} array, anything else as it is.
     */
    public static void bind(Connection c, PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof String[] array) {
                ps.setArray(i + 1, c.createArrayOf("varchar", array));
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }
}
