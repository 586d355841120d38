package id.smartcity.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Catches the application's error log lines while a test runs (the service runs in the test's JVM)
 * and keeps them by the request id of the logging context, so that a 500 can be reported with the
 * exception behind it: its root cause and the first frame of the project's code.
 */
final class LogCapture extends Handler implements AutoCloseable {

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d{3,}\\b");

    private final Map<String, List<String>> byRequest = new HashMap<>();
    private final List<String> unattributed = new ArrayList<>();
    private final Logger root = Logger.getLogger("");

    LogCapture() {
        setLevel(Level.WARNING);
        root.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() < Level.SEVERE.intValue() && record.getThrown() == null) {
            return;
        }
        String requestId = record instanceof ExtLogRecord ext ? ext.getMdc("requestId") : null;
        String line = describe(record);
        synchronized (this) {
            if (requestId == null) {
                unattributed.add(line);
            } else {
                byRequest.computeIfAbsent(requestId, k -> new ArrayList<>()).add(line);
            }
        }
    }

    /** The error lines logged for a request, and any logged without a request id since the last call. */
    synchronized List<String> take(String requestId) {
        List<String> out = new ArrayList<>(byRequest.getOrDefault(requestId, List.of()));
        byRequest.remove(requestId);
        return out;
    }

    synchronized List<String> takeUnattributed() {
        List<String> out = new ArrayList<>(unattributed);
        unattributed.clear();
        return out;
    }

    /** "Root cause class: message (at first id.smartcity frame)", numbers and uuids normalised for grouping. */
    static String describe(LogRecord record) {
        Throwable thrown = record.getThrown();
        if (thrown == null) {
            String message = record.getMessage();
            if (record instanceof ExtLogRecord ext) {
                message = ext.getFormattedMessage();
            }
            return normalise(record.getLoggerName() + ": " + message);
        }
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null
                ? ""
                : root.getMessage().lines().findFirst().orElse("");
        if (message.length() > 220) {
            message = message.substring(0, 220) + "…";
        }
        String where = "";
        for (Throwable t = thrown; t != null && where.isEmpty(); t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith("id.smartcity")
                        && !frame.getClassName().contains("$$")
                        && !frame.getClassName().endsWith("_ClientProxy")
                        && !frame.getClassName().endsWith("_Subclass")
                        && frame.getLineNumber() > 0) {
                    String cls = frame.getClassName();
                    where = " at " + cls.substring(cls.lastIndexOf('.') + 1) + "." + frame.getMethodName() + ":"
                            + frame.getLineNumber();
                    break;
                }
            }
        }
        return normalise(root.getClass().getSimpleName() + ": " + message) + where;
    }

    static String normalise(String s) {
        return NUMBER.matcher(UUID.matcher(s).replaceAll("<uuid>")).replaceAll("N");
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
