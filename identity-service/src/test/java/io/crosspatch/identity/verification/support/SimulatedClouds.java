package io.crosspatch.identity.verification.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosspatch.identity.enrollment.domain.IdentityMaterial;
import io.crosspatch.simulator.CloudSimulator;
import io.crosspatch.simulator.SimulatorConfig;
import io.crosspatch.simulator.client.SimulatorControl;
import io.crosspatch.simulator.client.SimulatorPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The in-process cloud simulator as the verifier's tests use it: one per JVM; simulated VMs on each cloud, their
 * genuine signed identities read from their metadata endpoints as the startup script would, and forgeries.
 */
public final class SimulatedClouds {

    public static final String AUDIENCE = "crosspatch";
    public static final String VMWARE_ORG = "vc-crosspatch-test";
    public static final String VMWARE_ES256_ORG = "vc-crosspatch-es256";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SimulatedClouds shared;

    private final CloudSimulator simulator;
    private final SimulatorControl control;

    private SimulatedClouds(CloudSimulator simulator) {
        this.simulator = simulator;
        this.control = new SimulatorControl(simulator.endpoint());
    }

    public static synchronized SimulatedClouds shared() {
        if (shared == null) {
            shared = new SimulatedClouds(CloudSimulator.start(SimulatorConfig.defaults()));
            shared.control.defineVmwareIssuer(
                    VMWARE_ES256_ORG, JSON.createObjectNode().put("algorithm", "ES256"));
        }
        return shared;
    }

    /** The absolute URL of a simulator path ({@link SimulatorPaths}). */
    public String url(String path) {
        return simulator.endpoint().toString().replaceAll("/$", "") + path;
    }

    /** The trust properties that point identity-service at this simulator's anchors, and only those. */
    public Map<String, String> trustProperties() {
        return Map.ofEntries(
                Map.entry("crosspatch.identity.gcp.jwks-uri", url(SimulatorPaths.GCP_JWKS)),
                Map.entry("crosspatch.identity.gcp.audience", AUDIENCE),
                Map.entry("crosspatch.identity.azure.trust-anchors", url(SimulatorPaths.AZURE_ROOT_PEM)),
                Map.entry(
                        "crosspatch.identity.aws.certificates.eu-west-1",
                        url(SimulatorPaths.awsCertificate("eu-west-1"))),
                Map.entry(
                        "crosspatch.identity.aws.default-certificate", url(SimulatorPaths.awsCertificate("us-east-1"))),
                Map.entry(
                        "crosspatch.identity.vmware.issuers[0].issuer",
                        "https://vcenter." + VMWARE_ORG + ".crosspatch.sim"),
                Map.entry("crosspatch.identity.vmware.issuers[0].jwks-uri", url(SimulatorPaths.vmwareJwks(VMWARE_ORG))),
                Map.entry("crosspatch.identity.vmware.issuers[0].audience", AUDIENCE),
                Map.entry("crosspatch.identity.vmware.issuers[0].org-ids", VMWARE_ORG),
                Map.entry(
                        "crosspatch.identity.vmware.issuers[1].issuer",
                        "https://vcenter." + VMWARE_ES256_ORG + ".crosspatch.sim"),
                Map.entry(
                        "crosspatch.identity.vmware.issuers[1].jwks-uri",
                        url(SimulatorPaths.vmwareJwks(VMWARE_ES256_ORG))),
                Map.entry("crosspatch.identity.vmware.issuers[1].audience", AUDIENCE),
                Map.entry("crosspatch.identity.vmware.issuers[1].org-ids", VMWARE_ES256_ORG));
    }

    // ---- accounts of a fresh shape per test, so tests never share an instance or an onboarding ----

    public static String anyGcpProject() {
        return "proj-" + hex(8);
    }

    public static String anyAzureSubscription() {
        return UUID.randomUUID().toString();
    }

    public static String anyAwsAccount() {
        return String.format("%012d", ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes / 2];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    // ---- VMs ----

    /** A VM with the patching label on; {@code extra} fields (zone, region, osFamily…) override the defaults. */
    public JsonNode createVm(
            String provider, String accountId, String name, Map<String, String> labels, Map<String, String> extra) {
        ObjectNode body = JSON.createObjectNode()
                .put("provider", provider)
                .put("accountId", accountId)
                .put("instanceName", name);
        extra.forEach(body::put);
        body.set("labels", JSON.valueToTree(labels));
        return control.createVm(body);
    }

    public JsonNode createVm(String provider, String accountId, String name) {
        return createVm(provider, accountId, name, Map.of("crosspatch-patching", "true"), Map.of());
    }

    // ---- genuine identities, from each VM's metadata service ----

    public IdentityMaterial.GcpToken gcpIdentity(JsonNode vm) {
        String token = send(HttpRequest.newBuilder(URI.create(vm.get("metadataBaseUrl")
                                .asText() + "/computeMetadata/v1/instance/service-accounts/default/identity?audience="
                        + AUDIENCE + "&format=full"))
                .header("Metadata-Flavor", "Google")
                .GET()
                .build());
        return new IdentityMaterial.GcpToken(token);
    }

    public IdentityMaterial.AzureDocument azureIdentity(JsonNode vm, String nonce) {
        String body = send(HttpRequest.newBuilder(URI.create(vm.get("metadataBaseUrl")
                                .asText() + "/metadata/attested/document?api-version=2023-11-15&nonce=" + nonce))
                .header("Metadata", "true")
                .GET()
                .build());
        return new IdentityMaterial.AzureDocument(
                readTree(body).get("signature").asText(), nonce);
    }

    public IdentityMaterial.AwsDocument awsIdentity(JsonNode vm) {
        String base = vm.get("metadataBaseUrl").asText();
        String token = send(HttpRequest.newBuilder(URI.create(base + "/latest/api/token"))
                .header("X-aws-ec2-metadata-token-ttl-seconds", "300")
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build());
        String document = send(HttpRequest.newBuilder(URI.create(base + "/latest/dynamic/instance-identity/document"))
                .header("X-aws-ec2-metadata-token", token)
                .GET()
                .build());
        String pkcs7 = send(HttpRequest.newBuilder(URI.create(base + "/latest/dynamic/instance-identity/rsa2048"))
                .header("X-aws-ec2-metadata-token", token)
                .GET()
                .build());
        return new IdentityMaterial.AwsDocument(pkcs7, document);
    }

    public IdentityMaterial.VmwareToken vmwareIdentity(JsonNode vm) {
        return new IdentityMaterial.VmwareToken(send(
                HttpRequest.newBuilder(URI.create(vm.get("metadataBaseUrl").asText() + "/guestinfo/crosspatch.token"))
                        .GET()
                        .build()));
    }

    /** A forgery for {@code vm} ({@link SimulatorControl#forge}), with the forge options given. */
    public JsonNode forge(JsonNode vm, ObjectNode options) {
        options.put("vmId", vm.get("vmId").asText());
        return control.forge(vm.get("provider").asText(), options);
    }

    public static ObjectNode options() {
        return JSON.createObjectNode();
    }

    private static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
