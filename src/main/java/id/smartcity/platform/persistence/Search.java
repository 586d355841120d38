package id.smartcity.platform.persistence;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.function.LongSupplier;

/**
 * One search of a list operation: its rows as a Panache query, and its total as a count of its own.
 *
 * <p>Why not {@code rows.count()}: Panache hands that to Hibernate's {@code getResultCount()}, which
 * derives a count statement from a copy of the query's tree and translates it to SQL again on every
 * call (the copy is never in the query plan cache). In a profile of the mixed read load that
 * translation was 60 % of a page of quick wins' own work. {@code repository.count(where, params)}
 * is an HQL string, translated once and then taken from the plan cache. A repository builds both
 * from the same {@code where} and parameters, so the total always counts the rows' query.
 */
public record Search<E>(PanacheQuery<E> rows, LongSupplier total) {}
