package id.smartcity.testsupport.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks every RestAssured exchange of the suite against the contract {@code openapi/openapi.yaml}
 * ({@link OpenApiContract}): after the response comes back it is validated, and when its status is
 * 2xx the request body is validated too (a request the server accepted must be one the contract
 * allows). A violation throws an {@link AssertionError} naming the method, path, status and each
 * violation, so the test that sent the request fails; each violation is also appended to {@code
 * target/contract-violations.log} (test, operation, status, violation; tab-separated).
 *
 * <p>Exchanges outside the API are not checked: paths that are neither in the contract nor under its
 * prefix {@code /api/v1} ({@code /q/health}, {@code /q/metrics}, {@code /q/openapi}, an unknown
 * path), and CORS preflights ({@code OPTIONS} with {@code Origin} and {@code
 * Access-Control-Request-Method}), which the HTTP layer answers by the Fetch standard, not an
 * operation. An unknown path under {@code /api/v1}, or a method the contract does not declare for a
 * path, must get a 404 or 405 {@code application/problem+json} that is a valid {@code Problem}.
 *
 * <p>{@link ContractValidationExtension} installs the filter for every test (JUnit autodetection) and
 * carries the current test's settings: {@link InvalidRequests} on a test class or method turns off
 * request validation, {@link NotContractChecked} all validation. {@code -Dcontract.validation=false}
 * turns it off for the whole run, e.g. {@code ./mvnw verify -Dcontract.validation=false}; {@code
 * -Dcontract.validation=report} checks everything but only logs the violations (to the log above)
 * instead of failing the tests, to take stock of every violation in one run: a failing test stops at
 * its first.
 *
 * <p>The settings are static (volatile), not thread-local: tests that send requests from worker
 * threads (the concurrency tests) are checked with their own settings too. JUnit runs this suite's
 * tests one at a time.
 */
public final class ContractFilter implements Filter {

    /**
     * {@code -Dcontract.validation=false} switches the checks off for the whole run; {@code report}
     * logs violations without failing the tests; anything else (default {@code true}) fails them.
     */
    public static final String SWITCH_PROPERTY = "contract.validation";

    private static final String LOG_PROPERTY = "contract.violations.log";
    private static final String LOG_STARTED = "contract.violations.log.started";
    private static final int MAX_LISTED = 25;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static volatile boolean checkResponses = true;
    private static volatile boolean checkRequests = true;
    private static volatile String currentTest = "(outside a test)";

    private static final AtomicLong RESPONSES = new AtomicLong();
    private static final AtomicLong REQUESTS = new AtomicLong();
    private static final AtomicLong FAILED = new AtomicLong();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (RESPONSES.get() > 0) {
                System.out.println("[contract] " + RESPONSES.get() + " responses and " + REQUESTS.get()
                        + " request bodies checked against openapi/openapi.yaml; " + FAILED.get()
                        + " exchanges broke it");
            }
        }));
    }

    /** Whether the checks are on for this run ({@code -Dcontract.validation}, default true). */
    public static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty(SWITCH_PROPERTY, "true"));
    }

    /** Whether violations are only logged ({@code -Dcontract.validation=report}), not thrown. */
    private static boolean reportOnly() {
        return "report".equalsIgnoreCase(System.getProperty(SWITCH_PROPERTY, "true"));
    }

    /**
     * Installs the filter into {@link RestAssured#filters()} unless it is there already (idempotent;
     * again after a {@code RestAssured.reset()}), and sets what the requests of {@code test} are
     * checked for. Called by {@link ContractValidationExtension}, reflectively, in the test's class
     * loader.
     */
    public static synchronized void configure(String test, boolean responses, boolean requests) {
        currentTest = test;
        checkResponses = responses;
        checkRequests = requests;
        if (RestAssured.filters().stream().noneMatch(ContractFilter.class::isInstance)) {
            RestAssured.filters(new ContractFilter());
        }
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification spec, FilterContext context) {
        Response response = context.next(request, spec);
        if (!checkResponses || !enabled()) {
            return response;
        }
        boolean requests = checkRequests;
        String test = currentTest;
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        String path = rawPath(request.getURI());
        if (isCorsPreflight(method, request)) {
            return response;
        }
        OpenApiContract contract = OpenApiContract.checkedIn();
        if (!contract.covers(path)) {
            return response;
        }
        int status = response.getStatusCode();
        List<String> violations = new ArrayList<>(contract.validateResponse(
                method,
                path,
                status,
                response.getContentType(),
                response.asString(),
                name -> response.getHeaders().hasHeaderWithName(name)));
        RESPONSES.incrementAndGet();
        if (requests && status >= 200 && status < 300) {
            String body = requestBody(request);
            REQUESTS.incrementAndGet();
            for (String violation : contract.validateRequest(method, path, request.getContentType(), body)) {
                violations.add(violation);
            }
        }
        if (violations.isEmpty()) {
            return response;
        }
        FAILED.incrementAndGet();
        String operation = contract.describe(method, path).orElse("no operation");
        log(test, method, path, operation, status, violations);
        if (reportOnly()) {
            return response;
        }
        StringBuilder message = new StringBuilder("The exchange breaks the contract openapi/openapi.yaml: ")
                .append(method)
                .append(' ')
                .append(path)
                .append(" -> ")
                .append(status)
                .append(" [")
                .append(operation)
                .append("]");
        int listed = 0;
        for (String violation : violations) {
            if (listed++ == MAX_LISTED) {
                message.append("\n  ... and ")
                        .append(violations.size() - MAX_LISTED)
                        .append(" more (target/contract-violations.log)");
                break;
            }
            message.append("\n  - ").append(violation);
        }
        throw new AssertionError(message.toString());
    }

    private static boolean isCorsPreflight(String method, FilterableRequestSpecification request) {
        return method.equals("OPTIONS")
                && request.getHeaders().hasHeaderWithName("Origin")
                && request.getHeaders().hasHeaderWithName("Access-Control-Request-Method");
    }

    /** The path as sent: percent-encoding kept, query dropped. */
    static String rawPath(String uri) {
        try {
            String path = URI.create(uri).getRawPath();
            if (path != null) {
                return path.isEmpty() ? "/" : path;
            }
        } catch (IllegalArgumentException e) {
            // fall through: cut it by hand
        }
        String rest = uri;
        int scheme = rest.indexOf("://");
        if (scheme >= 0) {
            int slash = rest.indexOf('/', scheme + 3);
            rest = slash < 0 ? "/" : rest.substring(slash);
        }
        int query = rest.indexOf('?');
        return query < 0 ? rest : rest.substring(0, query);
    }

    /** The body RestAssured sends, as text; null when there is none (or it is a stream or a file). */
    private static String requestBody(FilterableRequestSpecification request) {
        Object body = request.getBody();
        if (body == null) {
            return null;
        }
        if (body instanceof String text) {
            return text;
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (body instanceof File || body instanceof InputStream) {
            return null;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static synchronized void log(
            String test, String method, String path, String operation, int status, List<String> violations) {
        Path file = Path.of(System.getProperty(LOG_PROPERTY, "target/contract-violations.log"));
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            // One log per JVM, shared by the class loaders that each have a copy of this class.
            synchronized (System.class) {
                if (System.getProperty(LOG_STARTED) == null) {
                    System.setProperty(LOG_STARTED, "true");
                    Files.deleteIfExists(file);
                }
            }
            StringBuilder lines = new StringBuilder();
            for (String violation : violations) {
                lines.append(test)
                        .append('\t')
                        .append(operation)
                        .append('\t')
                        .append(method)
                        .append(' ')
                        .append(path)
                        .append('\t')
                        .append(status)
                        .append('\t')
                        .append(violation.replace('\n', ' '))
                        .append('\n');
            }
            Files.writeString(
                    file,
                    lines,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
