package id.smartcity.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A child process of the local stack or of the end-to-end suite: started with its own environment
 * and log file, waited for over HTTP, and stopped together with every process it started (Keycloak's
 * script forks the JVM), first politely, then by force. Only processes started here are ever
 * stopped.
 */
public final class ManagedProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final Duration stopGrace;

    private ManagedProcess(String name, Process process, Path log, Duration stopGrace) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.stopGrace = stopGrace;
    }

    public static ManagedProcess start(
            String name, List<String> command, Map<String, String> environment, Path workDir, Path log) {
        return start(name, command, environment, workDir, log, Duration.ofSeconds(30));
    }

    /**
     * As {@link #start(String, List, Map, Path, Path)}, and {@link #close()} waits up to {@code stopGrace}
     * after SIGTERM before it kills: a JVM that records an AOT cache writes it at its exit, which takes
     * longer than a plain shutdown.
     */
    public static ManagedProcess start(
            String name,
            List<String> command,
            Map<String, String> environment,
            Path workDir,
            Path log,
            Duration stopGrace) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            return new ManagedProcess(name, builder.start(), log, stopGrace);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + String.join(" ", command), e);
        }
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until {@code url} answers 200, reporting progress every {@code every} (elapsed seconds and
     * the process's latest log line). Fails at once when the process dies, with the end of its log.
     */
    public Duration awaitReady(String url, Duration timeout, Duration every, Consumer<String> progress) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextReport = start + every.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped (exit " + process.exitValue()
                        + ") before it was ready. End of " + log + ":\n" + tail(30));
            }
            try {
                HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw new IllegalStateException(name + " was not ready at " + url + " within " + timeout.toSeconds()
                        + " s. End of " + log + ":\n" + tail(30));
            }
            if (now >= nextReport) {
                nextReport = now + every.toNanos();
                String last = lastLine();
                progress.accept(String.format(
                        "  … %s: %d s%s",
                        name,
                        TimeUnit.NANOSECONDS.toSeconds(now - start),
                        last.isEmpty() ? "" : " | " + abbreviate(last, 110)));
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
        }
    }

    /** Waits up to {@code timeout} for the process to end: its exit code, or empty while it still runs. */
    public OptionalInt waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                ? OptionalInt.of(process.exitValue())
                : OptionalInt.empty();
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private String lastLine() {
        String tail = tail(1).strip();
        return tail.startsWith("(no log") ? "" : tail;
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** SIGKILL, at once, to the process and everything it started: a crash, for fault tests. */
    public void kill() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the process and everything it started: SIGTERM, up to its stop grace (30 s unless said), then SIGKILL. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
