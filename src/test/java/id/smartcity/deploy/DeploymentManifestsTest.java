package id.smartcity.deploy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of {@code deploy/} without a cluster or Docker: the files parse, the probes
 * and ports agree with the running application and its configuration, every variable the manifests
 * set is one the application reads, the realm has what the API relies on, and the kustomization
 * builds offline.
 */
@QuarkusTest
class DeploymentManifestsTest {

    private static final Path DEPLOY = Path.of("deploy");
    private static final YAMLMapper YAML = new YAMLMapper();

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it =
                YAML.readerFor(JsonNode.class).readValues(new YAMLFactory().createParser(file.toFile()))) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isMissingNode() && !doc.isNull()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    private static JsonNode container() throws IOException {
        JsonNode deployment = documents(DEPLOY.resolve("k8s/deployment.yaml")).get(0);
        assertEquals("Deployment", deployment.path("kind").asText());
        return deployment
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
    }

    private static String properties() throws IOException {
        return Files.readString(Path.of("src/main/resources/application.properties"), StandardCharsets.UTF_8);
    }

    /** The port the application listens on by default: {@code quarkus.http.port=${PORT:8080}}. */
    private static int applicationPort() throws IOException {
        Matcher m = Pattern.compile("(?m)^quarkus\\.http\\.port=\\$\\{PORT:(\\d+)}$")
                .matcher(properties());
        assertTrue(m.find(), "quarkus.http.port is ${PORT:n} in application.properties");
        return Integer.parseInt(m.group(1));
    }

    @Test
    void everyManifestParsesAndHasAKindAndAName() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DEPLOY.resolve("k8s"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertEquals(8, files.size(), "files: " + files);
        Set<String> kinds = new TreeSet<>();
        for (Path file : files) {
            for (JsonNode doc : documents(file)) {
                kinds.add(doc.path("kind").asText());
                if (!"Kustomization".equals(doc.path("kind").asText())) {
                    assertFalse(doc.path("metadata").path("name").asText().isEmpty(), file + " has a name");
                }
            }
        }
        assertEquals(
                Set.of(
                        "Cluster",
                        "Deployment",
                        "HorizontalPodAutoscaler",
                        "Kustomization",
                        "NetworkPolicy",
                        "ObjectStore",
                        "PodDisruptionBudget",
                        "ScheduledBackup",
                        "Service"),
                kinds);
        assertFalse(documents(DEPLOY.resolve("compose.yaml")).isEmpty());
    }

    @Test
    void probesAnswerInTheApplicationOnTheConfiguredPort() throws IOException {
        JsonNode container = container();
        JsonNode port = container.path("ports").get(0);
        assertEquals("http", port.path("name").asText());
        assertEquals(applicationPort(), port.path("containerPort").asInt());
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals("PORT")) {
                assertEquals(
                        String.valueOf(applicationPort()), env.path("value").asText());
            }
        }
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            JsonNode get = container.path(probe).path("httpGet");
            assertEquals("http", get.path("port").asText(), probe + " uses the named port");
            String path = get.path("path").asText();
            assertTrue(path.startsWith("/q/health/"), probe + ": " + path);
            // The path answers UP in the running application (the test instance of it).
            given().get(path).then().statusCode(200).body("status", equalTo("UP"));
        }
        JsonNode resources = container.path("resources");
        for (String kind : List.of("requests", "limits")) {
            assertFalse(resources.path(kind).path("memory").asText().isEmpty(), kind + ".memory");
            assertFalse(resources.path(kind).path("cpu").asText().isEmpty(), kind + ".cpu");
        }
        assertTrue(
                container.path("securityContext").path("readOnlyRootFilesystem").asBoolean());
        assertEquals(
                "ALL",
                container
                        .path("securityContext")
                        .path("capabilities")
                        .path("drop")
                        .get(0)
                        .asText());
    }

    @Test
    void theServiceTheHpaAndTheBudgetPointAtTheDeployment() throws IOException {
        JsonNode deployment = documents(DEPLOY.resolve("k8s/deployment.yaml")).get(0);
        assertTrue(deployment.path("spec").path("replicas").asInt() >= 2, "2+ replicas");
        JsonNode podLabels =
                deployment.path("spec").path("template").path("metadata").path("labels");
        JsonNode service = documents(DEPLOY.resolve("k8s/service.yaml")).get(0);
        service.path("spec")
                .path("selector")
                .fields()
                .forEachRemaining(e -> assertEquals(
                        e.getValue().asText(), podLabels.path(e.getKey()).asText(), "service selector " + e.getKey()));
        assertEquals(
                "http",
                service.path("spec").path("ports").get(0).path("targetPort").asText());
        JsonNode pdb = documents(DEPLOY.resolve("k8s/pdb.yaml")).get(0);
        pdb.path("spec")
                .path("selector")
                .path("matchLabels")
                .fields()
                .forEachRemaining(e -> assertEquals(
                        e.getValue().asText(), podLabels.path(e.getKey()).asText(), "PDB selector " + e.getKey()));
        JsonNode hpa = documents(DEPLOY.resolve("k8s/hpa.yaml")).get(0);
        assertEquals(
                deployment.path("metadata").path("name").asText(),
                hpa.path("spec").path("scaleTargetRef").path("name").asText());
        assertTrue(hpa.path("spec").path("minReplicas").asInt() >= 2);
        JsonNode policy = documents(DEPLOY.resolve("k8s/networkpolicy.yaml")).get(0);
        assertEquals(
                applicationPort(),
                policy.path("spec")
                        .path("ingress")
                        .get(0)
                        .path("ports")
                        .get(0)
                        .path("port")
                        .asInt());
    }

    @Test
    void everyVariableTheManifestsSetIsOneTheApplicationReads() throws IOException {
        Set<String> read = new HashSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z_]+)[:}]").matcher(properties());
        while (m.find()) {
            read.add(m.group(1));
        }
        // Read by the java launcher and by the C library, not by the application.
        Set<String> launcher = Set.of("JDK_JAVA_OPTIONS", "MALLOC_ARENA_MAX");
        Set<String> set = new TreeSet<>();
        for (JsonNode env : container().path("env")) {
            set.add(env.path("name").asText());
        }
        for (JsonNode env : workerContainer().path("env")) {
            set.add(env.path("name").asText());
        }
        JsonNode kustomization =
                documents(DEPLOY.resolve("k8s/kustomization.yaml")).get(0);
        for (JsonNode literal : kustomization.path("configMapGenerator").get(0).path("literals")) {
            set.add(literal.asText().substring(0, literal.asText().indexOf('=')));
        }
        JsonNode compose = documents(DEPLOY.resolve("compose.yaml")).get(0);
        compose.path("services").path("api").path("environment").fieldNames().forEachRemaining(set::add);
        set.remove("QUARKUS_PROFILE");
        for (String name : set) {
            assertTrue(read.contains(name) || launcher.contains(name), name + " is not read by the application");
        }
        assertTrue(set.containsAll(List.of("DB_URL", "DB_USER", "DB_PASSWORD", "OIDC_AUTH_SERVER_URL")), "set: " + set);
    }

    private static JsonNode env(JsonNode container, String name) {
        return find(container.path("env"), "name", name);
    }

    private static JsonNode workerContainer() throws IOException {
        JsonNode worker = documents(DEPLOY.resolve("k8s/worker.yaml")).get(0);
        assertEquals("Deployment", worker.path("kind").asText());
        return worker.path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
    }

    @Test
    void webhookDeliveriesRunOnWorkerPodsThatTheServiceDoesNotRouteTo() throws IOException {
        assertEquals(
                "false",
                env(container(), "WEBHOOKS_WORKER_ENABLED").path("value").asText());
        JsonNode worker = documents(DEPLOY.resolve("k8s/worker.yaml")).get(0);
        assertTrue(worker.path("spec").path("replicas").asInt() >= 2, "a second worker takes over");
        assertEquals(
                "true",
                env(workerContainer(), "WEBHOOKS_WORKER_ENABLED").path("value").asText());
        JsonNode workerLabels =
                worker.path("spec").path("template").path("metadata").path("labels");
        JsonNode selector = documents(DEPLOY.resolve("k8s/service.yaml"))
                .get(0)
                .path("spec")
                .path("selector");
        boolean routed = true;
        for (var it = selector.fields(); it.hasNext(); ) {
            var e = it.next();
            routed &= e.getValue().asText().equals(workerLabels.path(e.getKey()).asText());
        }
        assertFalse(routed, "the Service selects no worker pod");
        assertTrue(
                properties().contains("smartcity.webhooks.worker-enabled=${WEBHOOKS_WORKER_ENABLED:"),
                "the application reads WEBHOOKS_WORKER_ENABLED");
    }

    @Test
    void theDatabaseIsAReplicatedClusterTheApiReachesThroughItsReadWriteService() throws IOException {
        List<JsonNode> docs = documents(DEPLOY.resolve("k8s/postgres-cluster.yaml"));
        JsonNode cluster = find(docs, "kind", "Cluster");
        String name = cluster.path("metadata").path("name").asText();
        JsonNode spec = cluster.path("spec");
        assertEquals(3, spec.path("instances").asInt());
        JsonNode sync = spec.path("postgresql").path("synchronous");
        assertEquals("any", sync.path("method").asText());
        assertTrue(sync.path("number").asInt() >= 1, "a commit waits for a standby");
        assertEquals("required", sync.path("dataDurability").asText(), "no silent fallback to asynchronous");
        assertEquals(
                "required", spec.path("affinity").path("podAntiAffinityType").asText(), "one instance a node");
        assertEquals(
                "kubernetes.io/hostname",
                spec.path("affinity").path("topologyKey").asText());
        JsonNode plugin = find(spec.path("plugins"), "name", "barman-cloud.cloudnative-pg.io");
        assertTrue(plugin.path("isWALArchiver").asBoolean());
        JsonNode store = find(docs, "kind", "ObjectStore");
        assertEquals(
                store.path("metadata").path("name").asText(),
                plugin.path("parameters").path("barmanObjectName").asText());
        JsonNode credentials = store.path("spec").path("configuration").path("s3Credentials");
        for (String key : List.of("accessKeyId", "secretAccessKey")) {
            assertFalse(credentials.path(key).path("name").asText().isEmpty(), key + " names a Secret");
            assertFalse(credentials.path(key).path("key").asText().isEmpty(), key + " names a key");
        }
        JsonNode backup = find(docs, "kind", "ScheduledBackup");
        assertEquals(name, backup.path("spec").path("cluster").path("name").asText());
        assertEquals("plugin", backup.path("spec").path("method").asText());
        assertEquals(6, backup.path("spec").path("schedule").asText().split(" ").length, "seconds first");

        String database = spec.path("bootstrap").path("initdb").path("database").asText();
        JsonNode kustomization =
                documents(DEPLOY.resolve("k8s/kustomization.yaml")).get(0);
        String url = null;
        int poolMax = 0;
        for (JsonNode literal : kustomization.path("configMapGenerator").get(0).path("literals")) {
            if (literal.asText().startsWith("DB_URL=")) {
                url = literal.asText().substring("DB_URL=".length());
            } else if (literal.asText().startsWith("DB_POOL_MAX=")) {
                poolMax = Integer.parseInt(literal.asText().substring("DB_POOL_MAX=".length()));
            }
        }
        assertTrue(
                url != null && url.startsWith("jdbc:postgresql://" + name + "-rw:5432/" + database + "?"),
                "the read-write Service: " + url);
        assertTrue(url.contains("sslmode=verify-full"), url);
        Matcher root = Pattern.compile("sslrootcert=(/[^&]+)/ca\\.crt").matcher(url);
        assertTrue(root.find(), url);
        for (JsonNode deployment : List.of(
                documents(DEPLOY.resolve("k8s/deployment.yaml")).get(0),
                documents(DEPLOY.resolve("k8s/worker.yaml")).get(0))) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            JsonNode c = pod.path("containers").get(0);
            String mount = find(c.path("volumeMounts"), "mountPath", root.group(1))
                    .path("name")
                    .asText();
            assertEquals(
                    name + "-ca",
                    find(pod.path("volumes"), "name", mount)
                            .path("secret")
                            .path("secretName")
                            .asText(),
                    "the cluster's CA is mounted where DB_URL reads it");
            for (String variable : List.of("DB_USER", "DB_PASSWORD")) {
                assertEquals(
                        name + "-app",
                        env(c, variable)
                                .path("valueFrom")
                                .path("secretKeyRef")
                                .path("name")
                                .asText(),
                        variable + " from the Secret the operator generates");
            }
        }

        // Every pool at its largest, plus each pod's LISTEN connection, fits in max_connections
        // with room for the operator and an operator's psql.
        int maxApiPods = documents(DEPLOY.resolve("k8s/hpa.yaml"))
                .get(0)
                .path("spec")
                .path("maxReplicas")
                .asInt();
        JsonNode worker = documents(DEPLOY.resolve("k8s/worker.yaml")).get(0);
        int workers = worker.path("spec").path("replicas").asInt();
        int workerPool = env(workerContainer(), "DB_POOL_MAX").path("value").asInt();
        int maxConnections = spec.path("postgresql")
                .path("parameters")
                .path("max_connections")
                .asInt();
        int needed = maxApiPods * (poolMax + 1) + workers * (workerPool + 1) + 10;
        assertTrue(needed <= maxConnections, needed + " connections at most, max_connections " + maxConnections);
    }

    @Test
    void theImageRunsThePackagedApplicationOnTheConfiguredPort() throws IOException {
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"), StandardCharsets.UTF_8);
        assertTrue(dockerfile.contains("EXPOSE " + applicationPort() + "\n"), "EXPOSE the application port");
        assertTrue(dockerfile.contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/"));
        assertTrue(dockerfile.contains("USER 185"), "never root at run time");
        // Java 25 with the AOT cache that the end-to-end run trained (-Paot).
        assertTrue(dockerfile.contains("COPY --chown=185 target/quarkus-app/app.aot /deployments/app.aot"));
        assertTrue(dockerfile.contains("\"-XX:AOTCache=app.aot\""), "the JVM uses the cache");
        assertTrue(dockerfile.contains("FROM eclipse-temurin:25"), "Java 25");
        JsonNode compose = documents(DEPLOY.resolve("compose.yaml")).get(0);
        assertEquals(
                applicationPort() + ":" + applicationPort(),
                compose.path("services").path("api").path("ports").get(0).asText());
        assertTrue(Files.isRegularFile(DEPLOY.resolve(compose.path("services")
                .path("keycloak")
                .path("volumes")
                .get(0)
                .asText()
                .split(":")[0])));
    }

    @Test
    void secretsAreReferencedNeverWritten() throws IOException {
        for (JsonNode c : List.of(container(), workerContainer())) {
            for (JsonNode env : c.path("env")) {
                String name = env.path("name").asText();
                if (name.contains("PASSWORD") || name.equals("DB_USER")) {
                    assertTrue(env.has("valueFrom"), name + " comes from a Secret");
                    assertFalse(env.has("value"), name + " has no literal value");
                }
            }
        }
    }

    @Test
    void theRealmHasWhatTheApiReliesOn() throws IOException {
        JsonNode realm = new ObjectMapper()
                .readTree(DEPLOY.resolve("keycloak/smartcity-realm.json").toFile());
        assertEquals("smartcity", realm.path("realm").asText());
        Set<String> roles = new TreeSet<>();
        realm.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asText()));
        assertEquals(Set.of("admin", "auditor", "contributor", "coordinator", "viewer"), roles);
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            if (client.path("bearerOnly").asBoolean()) {
                continue;
            }
            Set<String> mappers = new TreeSet<>();
            client.path("protocolMappers")
                    .forEach(p -> mappers.add(p.path("protocolMapper").asText()));
            assertTrue(mappers.contains("oidc-audience-mapper"), id + " puts the API in aud");
            assertTrue(mappers.contains("oidc-usermodel-attribute-mapper"), id + " maps region_codes");
        }
        JsonNode spa = find(realm.path("clients"), "clientId", "smartcity-dashboard");
        assertTrue(spa.path("publicClient").asBoolean());
        assertFalse(spa.path("directAccessGrantsEnabled").asBoolean());
        assertFalse(spa.path("implicitFlowEnabled").asBoolean());
        assertEquals(
                "S256",
                spa.path("attributes").path("pkce.code.challenge.method").asText());
        for (JsonNode user : realm.path("users")) {
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            for (String field : List.of("firstName", "lastName", "email")) {
                assertFalse(user.path(field).asText().isEmpty(), user.path("username") + " has " + field);
            }
        }
    }

    @Test
    void theKustomizationBuildsOffline() throws Exception {
        Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not installed: the offline build is not checked here");
        Process p = new ProcessBuilder(
                        "kubectl", "kustomize", DEPLOY.resolve("k8s").toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        List<JsonNode> built = new ArrayList<>();
        try (MappingIterator<JsonNode> it =
                YAML.readerFor(JsonNode.class).readValues(new YAMLFactory().createParser(output))) {
            it.forEachRemaining(built::add);
        }
        Set<String> kinds = new TreeSet<>();
        built.forEach(d -> kinds.add(d.path("kind").asText()));
        assertEquals(
                Set.of(
                        "Cluster",
                        "ConfigMap",
                        "Deployment",
                        "HorizontalPodAutoscaler",
                        "NetworkPolicy",
                        "ObjectStore",
                        "PodDisruptionBudget",
                        "ScheduledBackup",
                        "Service"),
                kinds);
        // Selectors of other pods (kube-dns, the database) are left as written: kustomize's labels
        // reach no selector, or the API could resolve no name and reach no database.
        for (JsonNode policy : built) {
            if (!"NetworkPolicy".equals(policy.path("kind").asText())) {
                continue;
            }
            for (JsonNode rule : policy.path("spec").path("egress")) {
                for (JsonNode to : rule.path("to")) {
                    JsonNode labels = to.path("podSelector").path("matchLabels");
                    if (labels.has("k8s-app")) {
                        assertEquals(YAML.readTree("{k8s-app: kube-dns}"), labels, "the DNS rule");
                    }
                    if (labels.has("cnpg.io/cluster")) {
                        assertEquals(YAML.readTree("{cnpg.io/cluster: smartcity-db}"), labels, "the database rule");
                    }
                }
            }
        }
        // The API's selectors are the ones it had before the database and the worker came: a
        // Deployment's selector cannot change in place.
        JsonNode api = find(built, "kind", "Deployment");
        assertEquals(
                YAML.readTree("{app.kubernetes.io/component: api, app.kubernetes.io/name: smartcity-api,"
                        + " app.kubernetes.io/part-of: smartcity}"),
                api.path("spec").path("selector").path("matchLabels"));
        JsonNode configMap = find(built, "kind", "ConfigMap");
        String generatedName = configMap.path("metadata").path("name").asText();
        assertTrue(generatedName.startsWith("smartcity-api-config-"), generatedName);
        for (JsonNode deployment : built) {
            if (!"Deployment".equals(deployment.path("kind").asText())) {
                continue;
            }
            JsonNode container = deployment
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .get(0);
            assertEquals(
                    generatedName,
                    container
                            .path("envFrom")
                            .get(0)
                            .path("configMapRef")
                            .path("name")
                            .asText(),
                    "the Deployment refers to the generated ConfigMap by its hashed name");
            assertTrue(container.path("image").asText().startsWith("registry.example.go.id/smartcity/smartcity-api:"));
        }
    }

    private static JsonNode find(Iterable<JsonNode> nodes, String field, String value) {
        for (JsonNode n : nodes) {
            if (value.equals(n.path(field).asText())) {
                return n;
            }
        }
        throw new AssertionError("no " + field + "=" + value);
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
