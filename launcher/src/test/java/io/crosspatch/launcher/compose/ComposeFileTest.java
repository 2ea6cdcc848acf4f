package io.crosspatch.launcher.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.schemas.topics.TopicDefinition;
import io.crosspatch.schemas.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compose/docker-compose.yml} as Debian's docker-compose resolves it, in the demo (demo.env) and in real-AWS
 * mode (.env.example filled in): every service is there and healthy only when it says so, starts after what it
 * needs, Kafka runs in KRaft mode with an internal listener only, Kafka, the registry and Cassandra are published on
 * no host port, the services' health checks use their management ports, the simulator only with the demo profile,
 * scaled services have no fixed host port or container name, and every variable given to a Crosspatch service is
 * one that service really reads (a misspelt name would be a silent misconfiguration).
 */
class ComposeFileTest {

    private static final Set<String> CROSSPATCH_SERVICES =
            Set.of("identity-ingress", "identity-verifier", "account-service", "patching-service", "reporting-service");
    private static final Set<String> SCALABLE = Set.of("identity-verifier", "account-service", "patching-service");
    private static final Pattern IMAGE_MODULE = Pattern.compile("crosspatch/([a-z-]+):.*");
    /** An activation key for the resolution only: docker-compose requires one, nothing is encrypted with it. */
    private static final Map<String, String> ACTIVATION_KEY =
            Map.of("ACTIVATION_ENCRYPTION_KEY", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

    private static Path root;
    private static DockerCompose compose;
    private static ResolvedCompose demo;
    private static ResolvedCompose realAws;

    @BeforeAll
    static void resolveBothModes() throws Exception {
        root = repositoryRoot();
        compose = DockerCompose.find(root.resolve("compose"))
                .orElseThrow(() -> new AssertionError(DockerCompose.MISSING));
        demo = compose.config(root.resolve("compose/demo.env"), ACTIVATION_KEY).resolved();
        realAws = compose.config(root.resolve("compose/.env.example"), ACTIVATION_KEY)
                .resolved();
    }

    @Test
    void declaresTheInfrastructureTheServicesAndTheSimulator() {
        assertThat(demo.serviceNames())
                .containsExactlyInAnyOrder(
                        "kafka",
                        "schema-registry",
                        "cassandra",
                        "identity-ingress",
                        "identity-verifier",
                        "account-service",
                        "patching-service",
                        "reporting-service",
                        "cloud-simulator");
        assertThat(demo.string("kafka", "image")).startsWith("apache/kafka:");
        assertThat(demo.string("schema-registry", "image")).startsWith("confluentinc/cp-schema-registry:");
        assertThat(demo.string("cassandra", "image")).matches("cassandra:5(\\..*)?");
    }

    @Test
    void everyServiceHasAHealthCheckAndCrosspatchServicesAskTheirReadinessOnTheirManagementPort() {
        for (String service : demo.serviceNames()) {
            assertThat(demo.healthCheck(service))
                    .as("health check of %s", service)
                    .isNotBlank();
        }
        for (String service : CROSSPATCH_SERVICES) {
            String port = demo.environment(service).get("SERVER_PORT");
            String management = demo.environment(service).get("MANAGEMENT_SERVER_PORT");
            assertThat(management)
                    .as("management port of %s", service)
                    .isNotBlank()
                    .isNotEqualTo(port);
            assertThat(demo.healthCheck(service))
                    .as("health check of %s", service)
                    .contains("http://localhost:" + management + "/actuator/health/readiness");
            assertThat(demo.list(service, "ports").toString())
                    .as("host ports of %s", service)
                    .doesNotContain(management);
        }
        assertThat(demo.healthCheck("cassandra")).contains("cqlsh");
        assertThat(demo.healthCheck("kafka")).contains("kafka-broker-api-versions");
    }

    @Test
    void servicesStartOnlyOnceWhatTheyNeedIsHealthy() {
        for (String service : CROSSPATCH_SERVICES) {
            assertThat(demo.dependsOn(service))
                    .as("depends_on of %s", service)
                    .isEqualTo(Map.of(
                            "kafka",
                            "service_healthy",
                            "schema-registry",
                            "service_healthy",
                            "cassandra",
                            "service_healthy"));
        }
        assertThat(demo.dependsOn("schema-registry")).isEqualTo(Map.of("kafka", "service_healthy"));
    }

    @Test
    void kafkaRunsInKraftModeWithAnInternalListenerForContainersOnly() {
        Map<String, String> kafka = demo.environment("kafka");
        assertThat(kafka.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(kafka.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).isEqualTo("1@kafka:9093");
        assertThat(kafka.get("CLUSTER_ID")).isNotBlank();
        assertThat(kafka.keySet()).noneMatch(name -> name.contains("ZOOKEEPER"));
        assertThat(kafka.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
        assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS")).isEqualTo("INTERNAL://kafka:19092");
        assertThat(kafka.get("KAFKA_INTER_BROKER_LISTENER_NAME")).isEqualTo("INTERNAL");
        for (String service : CROSSPATCH_SERVICES) {
            assertThat(demo.environment(service))
                    .as("%s", service)
                    .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:19092");
        }
        assertThat(demo.environment("schema-registry"))
                .containsEntry("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
                .containsEntry("SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL", "backward");
    }

    @Test
    void kafkaTheRegistryAndCassandraArePublishedOnNoHostPortInEitherMode() {
        for (ResolvedCompose mode : List.of(realAws, demo)) {
            for (String infrastructure : List.of("kafka", "schema-registry", "cassandra")) {
                assertThat(mode.list(infrastructure, "ports"))
                        .as("host ports of %s", infrastructure)
                        .isEmpty();
                assertThat(mode.service(infrastructure).get("network_mode"))
                        .as("network_mode of %s", infrastructure)
                        .isNull();
            }
        }
    }

    @Test
    void whatIsPublishedIsOnlyThePublicApisAndTheDemoSimulatorOnLoopback() {
        for (ResolvedCompose mode : List.of(realAws, demo)) {
            for (String service : mode.serviceNames()) {
                List<Object> ports = mode.list(service, "ports");
                if (service.equals("cloud-simulator")) {
                    assertThat(ports.toString()).as("simulator ports").contains("127.0.0.1");
                } else if (!Set.of("identity-ingress", "reporting-service").contains(service)) {
                    assertThat(ports).as("host ports of %s", service).isEmpty();
                }
            }
        }
    }

    @Test
    void theBearerTokenApisCannotBeStartedWithoutIssuerAndAudience(@TempDir Path dir)
            throws IOException, InterruptedException {
        assertThat(realAws.environment("account-service"))
                .containsKeys("CROSSPATCH_OPERATOR_AUTH_ISSUER", "CROSSPATCH_OPERATOR_AUTH_AUDIENCES")
                .doesNotContainKey("CROSSPATCH_OPERATOR_TOKEN");
        assertThat(realAws.environment("identity-ingress"))
                .containsKeys("CROSSPATCH_IDENTITY_ADMIN_AUTH_ISSUER", "CROSSPATCH_IDENTITY_ADMIN_AUTH_AUDIENCES");
        assertThat(realAws.environment("reporting-service"))
                .containsKeys("CROSSPATCH_REPORTING_AUTH_ISSUER", "CROSSPATCH_REPORTING_AUTH_AUDIENCES");

        String everythingButTokens = Files.readString(repositoryRoot().resolve("compose/.env.example"))
                .lines()
                .filter(line ->
                        !line.matches("CROSSPATCH_(IDENTITY_ADMIN|OPERATOR|REPORTING)_AUTH_(ISSUER|AUDIENCES)=.*"))
                .reduce("", (text, line) -> text + line + "\n");
        DockerCompose.Result unset =
                compose.config(Files.writeString(dir.resolve("no-issuer.env"), everythingButTokens), ACTIVATION_KEY);
        assertThat(unset.exitCode())
                .as("docker-compose config without token issuers and audiences")
                .isNotZero();
        assertThat(unset.stderr())
                .contains("Missing mandatory value")
                .containsPattern("set CROSSPATCH_(IDENTITY_ADMIN|OPERATOR|REPORTING)_AUTH_");
    }

    @Test
    void theServicesUseTheRegistryAndCassandraTheComposeFileRuns() {
        String datacenter = demo.environment("cassandra").get("CASSANDRA_DC");
        for (String service : CROSSPATCH_SERVICES) {
            assertThat(demo.environment(service))
                    .as("%s", service)
                    .containsEntry("CROSSPATCH_SCHEMA_REGISTRY_URL", "http://schema-registry:8081")
                    .containsEntry("CROSSPATCH_SCHEMA_REGISTRY_AUTO_REGISTER", "true")
                    .containsEntry("SPRING_CASSANDRA_CONTACT_POINTS", "cassandra:9042")
                    .containsEntry("SPRING_CASSANDRA_LOCAL_DATACENTER", datacenter);
        }
    }

    @Test
    void scaledServicesHaveNoFixedHostPortNorContainerNameAndTopicsHavePartitionsForThree() {
        for (String service : SCALABLE) {
            assertThat(demo.list(service, "ports"))
                    .as("host ports of %s", service)
                    .isEmpty();
            assertThat(demo.string(service, "container_name"))
                    .as("container_name of %s", service)
                    .isNull();
        }
        for (TopicDefinition<?> topic : Topics.all()) {
            assertThat(topic.partitions())
                    .as("partitions of %s for --scale patching-service=3", topic.name())
                    .isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void identityServiceRunsAsIngressAndVerifierFromItsOwnProfiles() {
        DeclaredSettings identity = DeclaredSettings.of(root, "identity-service");
        assertThat(demo.environment("identity-ingress")).containsEntry("SPRING_PROFILES_ACTIVE", "ingress");
        assertThat(demo.environment("identity-verifier")).containsEntry("SPRING_PROFILES_ACTIVE", "verifier");
        assertThat(identity.profiles()).contains("ingress", "verifier");
        for (String service : CROSSPATCH_SERVICES) {
            String profiles = demo.environment(service).get("SPRING_PROFILES_ACTIVE");
            if (profiles != null) {
                assertThat(DeclaredSettings.of(root, module(demo, service)).profiles())
                        .as("profiles of %s", service)
                        .containsAll(List.of(profiles.split(",")));
            }
        }
    }

    @Test
    void theSimulatorRunsOnlyInTheDemoAndTheServicesThenUseItForAwsAndTrust() {
        assertThat(demo.list("cloud-simulator", "profiles")).containsExactly("demo");
        for (String service : demo.serviceNames()) {
            if (!service.equals("cloud-simulator")) {
                assertThat(demo.list(service, "profiles"))
                        .as("profiles of %s", service)
                        .isEmpty();
            }
        }
        String simulator = "http://" + demo.string("cloud-simulator", "hostname") + ":4566";
        assertThat(demo.environment("account-service"))
                .containsEntry("CROSSPATCH_AWS_ENDPOINT", simulator)
                .containsEntry("AWS_ACCESS_KEY_ID", "AKIACROSSPATCHMGMT01");
        assertThat(demo.environment("patching-service"))
                .containsEntry("CROSSPATCH_AWS_ENDPOINT", simulator)
                .containsEntry("CROSSPATCH_AWS_ACCESS_KEY_ID", "AKIACROSSPATCHMGMT01");
        assertThat(demo.environment("identity-verifier"))
                .containsEntry("CROSSPATCH_IDENTITY_GCP_JWKS_URI", simulator + "/_sim/trust/gcp/jwks")
                .containsEntry(
                        "CROSSPATCH_IDENTITY_VMWARE_ISSUERS_0_JWKS_URI",
                        simulator + "/_sim/trust/vmware/demo-vcenter/jwks")
                .containsEntry("CROSSPATCH_IDENTITY_VMWARE_ISSUERS_0_ORG_IDS", "demo-vcenter");
        String region = demo.environment("account-service").get("CROSSPATCH_AWS_REGION");
        assertThat(demo.environment("cloud-simulator")).containsEntry("TRUST_AWS_REGIONS", region);
        assertThat(demo.environment("identity-verifier"))
                .containsEntry(
                        "CROSSPATCH_IDENTITY_AWS_DEFAULT_CERTIFICATE", "/etc/crosspatch/trust/aws/" + region + ".pem");
    }

    @Test
    void realAwsIsTheDefaultWithNoEndpointOverrideAndCredentialsOnlyFromTheEnvironment(@TempDir Path dir)
            throws IOException, InterruptedException {
        for (String service : List.of("account-service", "patching-service")) {
            assertThat(realAws.environment(service)).as("%s", service).containsEntry("CROSSPATCH_AWS_ENDPOINT", "");
        }
        assertThat(realAws.environment("identity-verifier"))
                .containsEntry("CROSSPATCH_IDENTITY_GCP_JWKS_URI", "https://www.googleapis.com/oauth2/v3/certs");

        Path empty = Files.writeString(dir.resolve("empty.env"), "");
        DockerCompose.Result unset = compose.config(empty, Map.of());
        assertThat(unset.exitCode())
                .as("docker-compose config without credentials or region")
                .isNotZero();
        assertThat(unset.stderr()).contains("Missing mandatory value");
    }

    @Test
    void everyVariableGivenToACrosspatchServiceIsOneItReads() {
        for (ResolvedCompose mode : List.of(demo, realAws)) {
            for (String service : CROSSPATCH_SERVICES) {
                DeclaredSettings declared = DeclaredSettings.of(root, module(mode, service));
                assertThat(declared.undeclared(mode.environment(service).keySet()))
                        .as("variables %s does not read (module %s)", service, declared.module())
                        .isEmpty();
            }
        }
    }

    @Test
    void theVariableCheckCatchesMisspeltNames() {
        DeclaredSettings account = DeclaredSettings.of(root, "account-service");
        DeclaredSettings patching = DeclaredSettings.of(root, "patching-service");
        DeclaredSettings identity = DeclaredSettings.of(root, "identity-service");
        assertThat(account.undeclared(Set.of(
                        "CROSSPATCH_AWS_ENDPIONT",
                        "SPRING_KAFKA_BOOTSTRAP_SERVER",
                        "CROSSPATCH_ACCOUNTS_EMAIL_TEMPLATE",
                        "CROSSPATCH_AWS_MANAGEMENT_ACCESS_KEY_ID",
                        "KAFKA_BOOTSTRAP_SERVERS")))
                .containsExactlyInAnyOrder(
                        "CROSSPATCH_AWS_ENDPIONT",
                        "SPRING_KAFKA_BOOTSTRAP_SERVER",
                        "CROSSPATCH_AWS_MANAGEMENT_ACCESS_KEY_ID",
                        "KAFKA_BOOTSTRAP_SERVERS");
        assertThat(patching.undeclared(Set.of(
                        "AWS_ACCESS_KEY_ID",
                        "CROSSPATCH_ACTIVATION_ENCRYPTION_KEYS_K1",
                        "CROSSPATCH_AWS_RATES_CREATEACTIVATION",
                        "CROSSPATCH_PATCHING_ACTIVATION_WORKER",
                        "CROSSPATCH_AWS_ACCESS_KEY_ID")))
                .containsExactlyInAnyOrder("AWS_ACCESS_KEY_ID", "CROSSPATCH_PATCHING_ACTIVATION_WORKER");
        assertThat(identity.undeclared(Set.of(
                        "CROSSPATCH_IDENTITY_GCP_JWKS",
                        "CROSSPATCH_IDENTITY_VMWARE_ISSUERS_0_JWKS_URI",
                        "CROSSPATCH_IDENTITY_INGRESS_ENABLED",
                        "CROSSPATCH_IDENTITY_GCP_JWKSURI",
                        "CROSSPATCH_IDENTITY_INGRESS_MAX_BODY_BYTES")))
                .as("the scheme spells a dash as an underscore; dropping it is another name")
                .containsExactlyInAnyOrder("CROSSPATCH_IDENTITY_GCP_JWKS", "CROSSPATCH_IDENTITY_GCP_JWKSURI");
    }

    private static String module(ResolvedCompose mode, String service) {
        Matcher image = IMAGE_MODULE.matcher(mode.string(service, "image"));
        assertThat(image.matches()).as("image of %s names its module", service).isTrue();
        return image.group(1);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("compose/docker-compose.yml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root holding compose/docker-compose.yml").isNotNull();
        return dir;
    }
}
