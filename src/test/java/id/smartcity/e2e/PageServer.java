package id.smartcity.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.smartcity.stack.Ports;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves the browser test's static dashboard page (GET only) on one loopback port, plus a
 * {@code config.json} that tells the page where Keycloak and the API are. The same page on two ports
 * is two origins: one on the API's CORS allow-list, one not.
 */
final class PageServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json");

    private final HttpServer server;

    private PageServer(HttpServer server) {
        this.server = server;
    }

    static PageServer start(int port, Path root, String configJson) throws IOException {
        if (Ports.answers("127.0.0.1", port)) {
            throw new IllegalStateException("Port " + port + " is in use; the browser test serves its page there"
                    + " (the realm's dashboard client allows http://localhost:8090 only). Stop what runs there.");
        }
        Path base = root.toAbsolutePath().normalize();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 16);
        server.createContext("/", exchange -> {
            try {
                if (!"GET".equals(exchange.getRequestMethod())) {
                    send(exchange, 405, "text/plain", "GET only".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/config.json")) {
                    send(exchange, 200, TYPES.get("json"), configJson.getBytes(StandardCharsets.UTF_8));
                    return;
                }
                Path file = base.resolve(path.equals("/") ? "index.html" : path.substring(1))
                        .normalize();
                if (!file.startsWith(base) || !Files.isRegularFile(file)) {
                    send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                String name = file.getFileName().toString();
                String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
                send(exchange, 200, type, Files.readAllBytes(file));
            } finally {
                exchange.close();
            }
        });
        server.start();
        return new PageServer(server);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
