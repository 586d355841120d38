package id.smartcity.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real S3-compatible server for tests: s3rver (npm, {@code src/test/s3rver}, installed by the
 * build's {@code npm ci}) started as a child process on a free port of 127.0.0.1, with one bucket,
 * its files in a temporary folder.
 *
 * <p>Over TLS, with a certificate made for the run by the JDK's {@code keytool}: over plain HTTP
 * the AWS SDK sends {@code aws-chunked} bodies, which s3rver stores without decoding them (300,000
 * bytes stored as 300,355). Over HTTPS the SDK sends the plain body, as it does to AWS.
 */
public final class S3rverProcess implements AutoCloseable {

    /** s3rver's built-in account. */
    public static final String ACCESS_KEY_ID = "S3RVER";

    public static final String SECRET_ACCESS_KEY = "S3RVER";

    private static final Path SCRIPT = Path.of("src/test/s3rver/node_modules/s3rver/bin/s3rver.js");
    private static final char[] PASSWORD = "s3rver-test".toCharArray();

    private final Path dir;
    private final Process process;
    private final int port;
    private final TrustManager[] trust;

    private S3rverProcess(Path dir, Process process, int port, TrustManager[] trust) {
        this.dir = dir;
        this.process = process;
        this.port = port;
        this.trust = trust;
    }

    /** Starts s3rver with the bucket and waits until it answers (at most 30 s). */
    public static S3rverProcess start(String bucket) throws Exception {
        if (!Files.exists(SCRIPT)) {
            throw new IllegalStateException(
                    SCRIPT + " is missing: run `npm ci` in src/test/s3rver (./mvnw verify does)");
        }
        Path dir = Files.createTempDirectory("s3rver-");
        KeyStore keys = certificate(dir);
        writePem(
                dir.resolve("key.pem"),
                "PRIVATE KEY",
                keys.getKey("s3rver", PASSWORD).getEncoded());
        writePem(
                dir.resolve("cert.pem"),
                "CERTIFICATE",
                keys.getCertificate("s3rver").getEncoded());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keys);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.createDirectories(dir.resolve("data"));
        Process p = new ProcessBuilder(
                        "node",
                        SCRIPT.toString(),
                        "--directory",
                        dir.resolve("data").toString(),
                        "--address",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--key",
                        dir.resolve("key.pem").toString(),
                        "--cert",
                        dir.resolve("cert.pem").toString(),
                        "--configure-bucket",
                        bucket)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("s3rver.log").toFile())
                .start();
        S3rverProcess server = new S3rverProcess(dir, p, port, tmf.getTrustManagers());
        try {
            server.awaitAnswer();
        } catch (Exception e) {
            String log = server.log();
            server.close();
            throw new IllegalStateException("s3rver did not start: " + e.getMessage() + "\n" + log, e);
        }
        return server;
    }

    /** {@code https://127.0.0.1:<port>} */
    public URI endpoint() {
        return URI.create("https://127.0.0.1:" + port);
    }

    /** Trust managers that trust this server's certificate (and nothing else). */
    public TrustManager[] trustManagers() {
        return trust.clone();
    }

    /** A self-signed certificate for 127.0.0.1 and localhost, valid for two days. */
    private static KeyStore certificate(Path dir) throws Exception {
        Path store = dir.resolve("s3rver.p12");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process k = new ProcessBuilder(List.of(
                        keytool,
                        "-genkeypair",
                        "-alias",
                        "s3rver",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "SAN=ip:127.0.0.1,dns:localhost",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        new String(PASSWORD)))
                .redirectErrorStream(true)
                .start();
        String out = new String(k.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!k.waitFor(60, TimeUnit.SECONDS) || k.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD);
        }
        return ks;
    }

    private static void writePem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }

    /** Any HTTP answer over TLS means it is up. */
    private void awaitAnswer() throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust, new SecureRandom());
        HttpClient http = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("it exited with " + process.exitValue());
            }
            try {
                http.send(
                        HttpRequest.newBuilder(endpoint().resolve("/"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("no answer on port " + port + " in 30 s", last);
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("s3rver.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() throws Exception {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
