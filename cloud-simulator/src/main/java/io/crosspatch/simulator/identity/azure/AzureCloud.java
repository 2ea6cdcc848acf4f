package io.crosspatch.simulator.identity.azure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.crosspatch.simulator.client.SimulatorPaths;
import io.crosspatch.simulator.control.SimClock;
import io.crosspatch.simulator.http.Http;
import io.crosspatch.simulator.identity.CloudIdentity;
import io.crosspatch.simulator.identity.IdentityHttp;
import io.crosspatch.simulator.identity.Ids;
import io.crosspatch.simulator.identity.InvalidRequestException;
import io.crosspatch.simulator.identity.Minting;
import io.crosspatch.simulator.identity.Pki;
import io.crosspatch.simulator.identity.Provider;
import io.crosspatch.simulator.identity.SimulatedVm;
import io.crosspatch.simulator.identity.VmRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Azure: VMs identified by a vmId UUID in a subscription, and IMDS's attested document — a PKCS#7 SignedData of a
 * small JSON (nonce, vmId, subscriptionId, timeStamp…) signed by a {@code metadata.azure.com} certificate that
 * chains to a root. IMDS answers only requests with {@code Metadata: true} and an {@code api-version}.
 */
public final class AzureCloud implements CloudIdentity {

    static final String SIGNER_DNS_NAME = "metadata.azure.com";
    private static final Duration DOCUMENT_LIFETIME = Duration.ofHours(6);
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("MM/dd/yy HH:mm:ss '-0000'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DEFAULT_NONCE =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Pattern SUBSCRIPTION_ID =
            Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");
    private static final Pattern LOCATION = Pattern.compile("[a-z][a-z0-9]{2,30}");
    private static final Pattern RESOURCE_GROUP = Pattern.compile("[A-Za-z0-9._()-]{1,90}");
    private static final Pattern DNS_NAME = Pattern.compile("[A-Za-z0-9*]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9]{1,32}");
    private static final Pattern API_VERSION = Pattern.compile("20[0-9]{2}-[0-9]{2}-[0-9]{2}");
    private static final String OLDEST_ATTESTED_VERSION = "2018-10-01";

    private final SimClock clock;
    private final String rootPemUri;
    private final AzureCa trusted;
    private final AzureCa foreign;

    public AzureCloud(
            SimClock clock, String simulatorUrl, Instant certificatesValidFrom, Instant certificatesValidUntil) {
        this.clock = clock;
        this.rootPemUri = simulatorUrl + SimulatorPaths.AZURE_ROOT_PEM;
        this.trusted = new AzureCa(certificatesValidFrom, certificatesValidUntil);
        this.foreign = new AzureCa(certificatesValidFrom, certificatesValidUntil);
    }

    @Override
    public Provider provider() {
        return Provider.AZURE;
    }

    @Override
    public SimulatedVm create(VmRequest request, String vmId, Instant now) {
        request.requireAccountId(SUBSCRIPTION_ID, "an Azure subscription id (a GUID)");
        String location =
                request.location(LOCATION, "westeurope", "region must be an Azure location such as westeurope");
        String resourceGroup = request.body().path("resourceGroup").asText("crosspatch-vms");
        if (!RESOURCE_GROUP.matcher(resourceGroup).matches()) {
            throw new InvalidRequestException(
                    "INVALID_RESOURCE_GROUP", "resourceGroup must have 1 to 90 of [A-Za-z0-9._()-]");
        }
        boolean windows = request.osFamily().equals("windows");
        Map<String, String> facts = Map.of(
                "resourceGroup", resourceGroup,
                "vmSize", request.body().path("vmSize").asText("Standard_B2s"),
                "osType", windows ? "Windows" : "Linux",
                "publisher",
                        windows
                                ? "MicrosoftWindowsServer"
                                : request.osFamily().equals("ubuntu") ? "canonical" : request.osFamily(),
                "offer", windows ? "WindowsServer" : request.osFamily() + "-server",
                "sku",
                        windows
                                ? request.osVersion() + "-datacenter"
                                : request.osVersion().replace('.', '_'),
                "privateIp", "10.0.0." + (4 + Integer.parseInt(Ids.digits(2)) % 250));
        return new SimulatedVm(
                vmId,
                Provider.AZURE,
                request.accountId().toLowerCase(Locale.ROOT),
                Ids.uuid(),
                request.instanceName(),
                location,
                request.osFamily(),
                request.osVersion(),
                now,
                request.labels(),
                facts);
    }

    @Override
    public void describe(SimulatedVm vm, String metadataBaseUrl, ObjectNode view) {
        view.put("subscriptionId", vm.accountId())
                .put("location", vm.location())
                .put("resourceGroup", vm.fact("resourceGroup"));
    }

    @Override
    public void metadata(SimulatedVm vm, String path, HttpExchange exchange) throws IOException {
        String apiVersion = IdentityHttp.query(exchange).get("api-version");
        if (IdentityHttp.forwarded(exchange)) {
            refuse(exchange, 400, "Bad request. Requests with an X-Forwarded-For header are not accepted");
        } else if (!"true".equalsIgnoreCase(IdentityHttp.header(exchange, "Metadata"))) {
            refuse(exchange, 400, "Bad request. Required metadata header not specified");
        } else if (!exchange.getRequestMethod().equals("GET")) {
            refuse(exchange, 405, "Method not allowed");
        } else if (apiVersion == null) {
            refuse(
                    exchange,
                    400,
                    "Bad request. api-version was not specified in the request. For more information refer to aka.ms/azureimds");
        } else if (!API_VERSION.matcher(apiVersion).matches()
                || path.equals("/metadata/attested/document") && apiVersion.compareTo(OLDEST_ATTESTED_VERSION) < 0) {
            refuse(
                    exchange,
                    400,
                    "Bad request. api-version is invalid or was not specified in the request. For more information refer to aka.ms/azureimds");
        } else if (path.equals("/metadata/attested/document")) {
            attested(vm, exchange);
        } else if (path.equals("/metadata/instance")) {
            Http.json(exchange, 200, instance(vm));
        } else {
            refuse(exchange, 404, "Not found");
        }
    }

    private void attested(SimulatedVm vm, HttpExchange exchange) throws IOException {
        Instant now = clock.instant();
        String nonce = IdentityHttp.query(exchange).get("nonce");
        if (nonce != null && !NONCE.matcher(nonce).matches()) {
            refuse(exchange, 400, "Bad request. The nonce must be a string of up to 32 alphanumeric characters");
            return;
        }
        String signedNonce = nonce == null ? DEFAULT_NONCE.format(now) : nonce;
        Http.json(exchange, 200, attestedDocument(vm, signedNonce, SIGNER_DNS_NAME, Minting.genuine(now)));
    }

    private ObjectNode attestedDocument(SimulatedVm vm, String nonce, String signerDnsName, Minting minting) {
        ObjectNode document = Http.JSON.createObjectNode();
        document.put("licenseType", "").put("nonce", nonce);
        document.putObject("plan").put("name", "").put("product", "").put("publisher", "");
        document.put("sku", vm.fact("sku")).put("subscriptionId", vm.accountId());
        document.putObject("timeStamp")
                .put("createdOn", TIMESTAMP.format(minting.issuedAt()))
                .put("expiresOn", TIMESTAMP.format(minting.expiresAt(DOCUMENT_LIFETIME)));
        document.put("vmId", vm.instanceId());
        try {
            byte[] content = Http.JSON.writeValueAsBytes(minting.applyOverrides(document));
            AzureCa ca = minting.foreignSigner() ? foreign : trusted;
            String signature = Base64.getEncoder().encodeToString(ca.sign(content, signerDnsName, minting.issuedAt()));
            return Http.JSON.createObjectNode().put("encoding", "pkcs7").put("signature", signature);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode instance(SimulatedVm vm) {
        ObjectNode instance = Http.JSON.createObjectNode();
        ObjectNode compute = instance.putObject("compute");
        compute.put("azEnvironment", "AzurePublicCloud")
                .put("location", vm.location())
                .put("name", vm.instanceName())
                .put("offer", vm.fact("offer"))
                .put("osType", vm.fact("osType"))
                .put("publisher", vm.fact("publisher"))
                .put("resourceGroupName", vm.fact("resourceGroup"))
                .put(
                        "resourceId",
                        "/subscriptions/" + vm.accountId() + "/resourceGroups/" + vm.fact("resourceGroup")
                                + "/providers/Microsoft.Compute/virtualMachines/" + vm.instanceName())
                .put("sku", vm.fact("sku"))
                .put("subscriptionId", vm.accountId());
        StringBuilder tags = new StringBuilder();
        ArrayNode tagsList = Http.JSON.createArrayNode();
        vm.labels().forEach((name, value) -> {
            tags.append(tags.isEmpty() ? "" : ";").append(name).append(':').append(value);
            tagsList.addObject().put("name", name).put("value", value);
        });
        compute.put("tags", tags.toString()).set("tagsList", tagsList);
        compute.put("version", "latest")
                .put("vmId", vm.instanceId())
                .put("vmSize", vm.fact("vmSize"))
                .put("zone", "");
        instance.putObject("network")
                .putArray("interface")
                .addObject()
                .putObject("ipv4")
                .putArray("ipAddress")
                .addObject()
                .put("privateIpAddress", vm.fact("privateIp"))
                .put("publicIpAddress", "");
        return instance;
    }

    private static void refuse(HttpExchange exchange, int status, String error) throws IOException {
        ObjectNode body = Http.JSON.createObjectNode().put("error", error);
        if (error.contains("api-version")) {
            body.putArray("newest-versions").add("2023-11-15").add("2023-07-01").add("2021-12-13");
        }
        Http.json(exchange, status, body);
    }

    @Override
    public void trust(String path, HttpExchange exchange) throws IOException {
        if (path.equals("/root.pem") && exchange.getRequestMethod().equals("GET")) {
            Http.text(exchange, 200, "application/x-pem-file", Pki.pem(trusted.rootCertificate()));
        } else {
            Http.error(exchange, 404, "NOT_FOUND", "Azure publishes GET /_sim/trust/azure/root.pem");
        }
    }

    @Override
    public ObjectNode anchors() {
        return Http.JSON.createObjectNode().put("rootPemUri", rootPemUri).put("signerDnsName", SIGNER_DNS_NAME);
    }

    /** Body: {@code nonce} (default a timestamp, as IMDS does), {@code san} (the signer's DNS name, default metadata.azure.com). */
    @Override
    public ObjectNode forge(SimulatedVm vm, Minting minting, JsonNode body) {
        String nonce = body.path("nonce").asText(DEFAULT_NONCE.format(minting.issuedAt()));
        String san = body.path("san").asText(SIGNER_DNS_NAME);
        if (!DNS_NAME.matcher(san).matches()) {
            throw new InvalidRequestException("INVALID_SAN", "san must be a DNS name such as metadata.azure.com");
        }
        return attestedDocument(vm, nonce, san, minting);
    }
}
