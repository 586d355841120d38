package id.smartcity.fuzz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Everything a run saw: requests and statuses per operation, and every failure, grouped by
 * operation, category and cause, with a few example requests each. Nothing stops at the first
 * failure; the test fails at the end with the grouped list.
 */
final class Findings {

    static final class Group {
        final String operation;
        final String category;
        final String cause;
        int count;
        final List<String> examples = new ArrayList<>();
        final Set<String> triggers = new LinkedHashSet<>();

        Group(String operation, String category, String cause) {
            this.operation = operation;
            this.category = category;
            this.cause = cause;
        }

        String line() {
            return String.format("%5d× %s — %s — %s", count, operation, category, cause);
        }
    }

    static final class OperationStats {
        final String label;
        int requests;
        int failures;
        int refusedWritesAuditChecked;
        int acknowledgedWrites;
        int acknowledgedWithoutEvent;
        long nanos;
        final Map<Integer, Integer> statuses = new TreeMap<>();

        OperationStats(String label) {
            this.label = label;
        }
    }

    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, OperationStats> operations = new LinkedHashMap<>();
    private final Map<String, Integer> callers = new TreeMap<>();
    int requests;
    int retryableUnavailable;

    void register(Contract.Operation op) {
        operations.computeIfAbsent(op.id(), k -> new OperationStats(op.method() + " " + op.path()));
    }

    synchronized void sent(Contract.Operation op, String caller, int status, long nanos) {
        requests++;
        OperationStats stats =
                operations.computeIfAbsent(op.id(), k -> new OperationStats(op.method() + " " + op.path()));
        stats.requests++;
        stats.nanos += nanos;
        if (status > 0) {
            stats.statuses.merge(status, 1, Integer::sum);
        }
        callers.merge(caller, 1, Integer::sum);
    }

    private int replays;

    synchronized void acknowledgedWrite(Contract.Operation op, boolean audited, boolean replay) {
        OperationStats stats = operations.get(op.id());
        stats.acknowledgedWrites++;
        if (replay) {
            replays++;
        } else if (!audited) {
            stats.acknowledgedWithoutEvent++;
        }
    }

    synchronized void auditChecked(Contract.Operation op) {
        operations.get(op.id()).refusedWritesAuditChecked++;
    }

    synchronized void fail(String operation, String category, String cause, String example, String trigger) {
        Group g = groups.computeIfAbsent(
                operation + "\u0000" + category + "\u0000" + cause, k -> new Group(operation, category, cause));
        g.count++;
        if (g.examples.size() < 3) {
            g.examples.add(example);
        }
        if (trigger != null && g.triggers.size() < 12) {
            g.triggers.add(trigger);
        }
        OperationStats stats = operations.get(operation);
        if (stats != null) {
            stats.failures++;
        }
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }

    List<Group> groups() {
        return groups.values().stream()
                .sorted(Comparator.comparing((Group g) -> g.category)
                        .thenComparing(g -> g.operation)
                        .thenComparing(g -> -g.count))
                .toList();
    }

    Map<String, OperationStats> operations() {
        return operations;
    }

    /** The table: requests, statuses and failures per operation; then callers; then the grouped failures. */
    String summary(String title) {
        StringBuilder s = new StringBuilder();
        s.append("\n==== ").append(title).append(" ====\n");
        s.append(String.format(
                "%-32s %6s %6s %7s %6s  %s%n", "operation", "sent", "fail", "audit✓", "ms/req", "statuses seen"));
        operations.forEach((id, stats) -> s.append(String.format(
                "%-32s %6d %6d %7s %6.1f  %s%n",
                id,
                stats.requests,
                stats.failures,
                stats.label.startsWith("GET") ? "-" : Integer.toString(stats.refusedWritesAuditChecked),
                stats.requests == 0 ? 0.0 : stats.nanos / 1e6 / stats.requests,
                stats.statuses.entrySet().stream()
                        .map(e -> e.getKey() + "×" + e.getValue())
                        .collect(Collectors.joining(" ")))));
        s.append(String.format("%-32s %6d%n", "total", requests));
        s.append("callers: ")
                .append(callers.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ")))
                .append('\n');
        int acknowledged =
                operations.values().stream().mapToInt(o -> o.acknowledgedWrites).sum();
        int refused = operations.values().stream()
                .mapToInt(o -> o.refusedWritesAuditChecked)
                .sum();
        s.append(String.format(
                "audit: %d refused writes checked for new audit events; %d acknowledged writes (%d idempotent"
                        + " replays), of which without a new audit event: %s%n",
                refused,
                acknowledged,
                replays,
                operations.entrySet().stream()
                        .filter(e -> e.getValue().acknowledgedWithoutEvent > 0)
                        .map(e -> e.getKey() + "=" + e.getValue().acknowledgedWithoutEvent)
                        .collect(Collectors.joining(", "))));
        if (retryableUnavailable > 0) {
            s.append("503 with Retry-After (not failures): ")
                    .append(retryableUnavailable)
                    .append('\n');
        }
        s.append(failures());
        return s.toString();
    }

    String failures() {
        StringBuilder s = new StringBuilder();
        if (groups.isEmpty()) {
            s.append("no failures\n");
            return s.toString();
        }
        Map<String, Integer> perCategory = new TreeMap<>();
        groups.values().forEach(g -> perCategory.merge(g.category, g.count, Integer::sum));
        s.append("failures by category: ").append(perCategory).append('\n');
        s.append(groups.size()).append(" groups of failures (operation — category — cause):\n");
        for (Group g : groups()) {
            s.append(g.line()).append('\n');
            if (!g.triggers.isEmpty()) {
                s.append("         triggers: ")
                        .append(String.join(" | ", g.triggers))
                        .append('\n');
            }
            for (String example : g.examples) {
                s.append("         e.g. ").append(example).append('\n');
            }
        }
        return s.toString();
    }
}
