package id.smartcity.audit;

import id.smartcity.platform.persistence.Jdbc;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads audit events straight from JDBC in chain order, streaming with a server-side cursor so
 * that an export or a verification of millions of events runs in bounded memory.
 */
@ApplicationScoped
public class AuditReader {

    private static final int FETCH_SIZE = 500;

    @Inject
    AgroalDataSource dataSource;

    /** Filters of the audit query; null means "any". {@code to} is exclusive. */
    public record Filter(
            String regionCode,
            String entityType,
            String entityId,
            String actor,
            AuditAction action,
            OffsetDateTime from,
            OffsetDateTime to) {}

    /** A prepared selection: a WHERE clause (region scope included) and its parameters. */
    public record Selection(String where, List<Object> params) {}

    /** Receives one event at a time. */
    @FunctionalInterface
    public interface Sink {
        void accept(AuditEvent event) throws Exception;
    }

    /**
     * @param scopeClause the caller's region restriction on {@code region_code}, already with its
     *     parameters in {@code scopeParams} (see {@code RegionScope.sql})
     */
    public Selection select(Filter f, long afterId, String scopeClause, List<Object> scopeParams) {
        StringBuilder where = new StringBuilder("id > ?");
        List<Object> params = new ArrayList<>();
        params.add(afterId);
        add(where, params, "region_code = ?", f.regionCode());
        add(where, params, "entity_type = ?", f.entityType());
        add(where, params, "entity_id = ?", f.entityId());
        if (f.actor() != null) {
            where.append(" AND (actor_username = ? OR actor_subject = ?)");
            params.add(f.actor());
            params.add(f.actor());
        }
        add(where, params, "action = ?", f.action() == null ? null : f.action().name());
        add(where, params, "occurred_at >= ?", f.from());
        add(where, params, "occurred_at < ?", f.to());
        where.append(" AND ").append(scopeClause);
        params.addAll(scopeParams);
        return new Selection(where.toString(), params);
    }

    /** Up to {@code limit} events of the selection, in chain order; 0 means no limit. */
    public void stream(Selection s, long limit, Sink sink) {
        String sql = "SELECT " + AuditChain.COLUMNS + " FROM audit_event WHERE " + s.where() + " ORDER BY id"
                + (limit > 0 ? " LIMIT " + limit : "");
        withCursor(sql, s.params(), sink);
    }

    public Optional<AuditEvent> find(long id, String scopeClause, List<Object> scopeParams) {
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(scopeParams);
        List<AuditEvent> found = new ArrayList<>();
        withCursor(
                "SELECT " + AuditChain.COLUMNS + " FROM audit_event WHERE id = ? AND " + scopeClause,
                params,
                found::add);
        return found.stream().findFirst();
    }

    void withCursor(String sql, List<Object> params, Sink sink) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            // PostgreSQL streams rows with a fetch size only inside a transaction.
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(FETCH_SIZE);
                Jdbc.bind(c, ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(AuditChain.read(rs));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Reading the audit trail failed", e);
        }
    }

    private static void add(StringBuilder where, List<Object> params, String condition, Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            params.add(value);
        }
    }
}
