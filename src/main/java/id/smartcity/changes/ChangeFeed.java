package id.smartcity.changes;

import id.smartcity.audit.AuditAction;
import id.smartcity.platform.persistence.Jdbc;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The feed's data layer: thin events read straight from the audit chain ({@code audit_event}), no
 * table of its own and no write per change. Region scoping is in the SQL.
 *
 * <p>Every read first takes the chain's committed head ({@link #head()}), then reads only events at
 * or below it. Positions are handed out under the head's lock, held until commit, so when the head
 * shows position n every event up to n has committed and is visible: the feed can report "seen
 * everything up to n" and nothing will later appear below it.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final int FETCH_SIZE = 500;

    /**
     * Audited entity types that are not changes of the program's data but of the API's own
     * configuration (webhook subscriptions, audited without a region): never in the feed, where
     * they would be in every reader's answer and pushed to every subscriber.
     */
    static final String NOT_IN_FEED = "'WEBHOOK_SUBSCRIPTION'";

    @Inject
    AgroalDataSource dataSource;

    /** Receives one event at a time. */
    @FunctionalInterface
    public interface Sink {
        void accept(ChangeEvent event) throws Exception;
    }

    /** The position of the last committed event (0 for an empty chain). */
    public long head() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT last_id FROM audit_chain_head WHERE id = 1")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the audit chain head failed", e);
        }
    }

    /**
     * The query's events after {@code q.after()} up to {@code head}, in chain order; at most {@code
     * max} (0: all).
     */
    public void stream(ChangeQuery q, long head, long max, Sink sink) {
        StringBuilder sql = new StringBuilder("SELECT a.id, a.occurred_at, a.region_code, a.entity_type,"
                + " a.entity_id, a.action, " + parentColumn() + " FROM audit_event a WHERE a.id > ? AND a.id <= ?"
                + " AND a.entity_type NOT IN (" + NOT_IN_FEED + ")");
        List<Object> params = new ArrayList<>();
        params.add(q.after());
        params.add(head);
        if (!q.types().isEmpty()) {
            sql.append(" AND (a.entity_type, a.action) IN (");
            String sep = "";
            for (ChangeType t : q.types()) {
                sql.append(sep).append("(?, ?)");
                params.add(t.entity.auditType());
                params.add(t.action.name());
                sep = ", ";
            }
            sql.append(')');
        }
        if (q.regionCode() != null) {
            sql.append(" AND a.region_code = ?");
            params.add(q.regionCode());
        }
        // Events of no region (assessment framework versions: reference data every reader may read)
        // are in every caller's feed; all others only in the feed of a caller who sees their region.
        sql.append(" AND (a.region_code IS NULL OR ").append(q.scopeClause()).append(')');
        params.addAll(q.scopeParams());
        sql.append(" ORDER BY a.id");
        if (max > 0) {
            sql.append(" LIMIT ").append(max);
        }
        // At most one fetch's worth: read in one round trip, without a transaction to stream in.
        read(sql.toString(), params, max <= 0 || max > FETCH_SIZE, sink);
    }

    /**
     * The owning quick win of a part, looked up by the part's primary key (only for its own entity
     * type: the cast to uuid runs only in its CASE branch).
     */
    private static String parentColumn() {
        StringBuilder s = new StringBuilder("CASE a.entity_type");
        for (ChangeEntity e : ChangeEntity.values()) {
            if (e.partOfQuickWin) {
                s.append(" WHEN '")
                        .append(e.auditType())
                        .append("' THEN (SELECT p.quick_win_id::text FROM ")
                        .append(e.partTable())
                        .append(" p WHERE p.id = a.entity_id::uuid)");
            }
        }
        return s.append(" END").toString();
    }

    private void read(String sql, List<Object> params, boolean streamed, Sink sink) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            // PostgreSQL streams rows with a fetch size only inside a transaction.
            if (streamed) {
                c.setAutoCommit(false);
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (streamed) {
                    ps.setFetchSize(FETCH_SIZE);
                }
                Jdbc.bind(c, ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(event(rs));
                    }
                }
            } finally {
                if (streamed) {
                    c.rollback();
                    c.setAutoCommit(autoCommit);
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Reading the change feed failed", e);
        }
    }

    private static ChangeEvent event(ResultSet rs) throws SQLException {
        long position = rs.getLong(1);
        OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
        String region = rs.getString(3);
        String auditType = rs.getString(4);
        String entityId = rs.getString(5);
        AuditAction action = AuditAction.valueOf(rs.getString(6));
        String parent = rs.getString(7);
        var entity = ChangeEntity.ofAuditType(auditType);
        String href = entity.flatMap(e -> e.href(new ChangeEntity.Ref(region, entityId, parent)))
                .orElse(null);
        String entityType = entity.map(e -> e.wireName).orElseGet(() -> ChangeEntity.kebab(auditType));
        return new ChangeEvent(
                position, at, region, auditType, entityId, ChangeType.of(auditType, action), entityType, href);
    }
}
