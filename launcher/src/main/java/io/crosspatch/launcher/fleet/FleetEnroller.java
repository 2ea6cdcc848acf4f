package io.crosspatch.launcher.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosspatch.launcher.JsonHttp;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Does for a simulated VM what the startup script does on a real one, in-process so that a fleet of hundreds
 * enrolls in seconds: reads the signed identity from the VM's metadata service, enrolls through the public HTTP
 * API, polls the status with the enrollment secret, and registers the (simulated) SSM Agent with the activation.
 * The real script is run for some VMs as well (see {@link StartupScriptRunner}); both go through the same API.
 */
public final class FleetEnroller {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long a POST is retried while the service is busy or unreachable (a restart takes well under this). */
    private static final Duration RETRY_BUDGET = Duration.ofMinutes(3);

    /** One VM's enrollment, as far as it got. */
    public record Enrollment(FleetVm vm, String enrollmentId, String secret) {
    }

    private final JsonHttp http;
    private final URI identityService;
    private final URI simulator;
    private final String gcpAudience;

    public FleetEnroller(JsonHttp http, URI identityService, URI simulator, String gcpAudience) {
        this.http = http;
        this.identityService = identityService;
        this.simulator = simulator;
        this.gcpAudience = gcpAudience;
    }

    /** POSTs the enrollment and answers it once accepted (202). */
    public Enrollment enroll(FleetVm vm) {
        String secret = newSecret();
        ObjectNode body = JsonHttp.object().put("provider", vm.account().provider());
        body.set("identity", identity(vm));
        ObjectNode host = body.putObject("host").put("hostname", vm.instanceName());
        host.putObject("os").put("family", vm.os().family()).put("version", vm.os().version());
        body.putObject("labels").put("crosspatch-patching", "true").put("crosspatch-patchgroup", vm.patchGroup());
        body.put("enrollmentSecret", secret);
        JsonNode accepted = postRetryingWhenBusy(identityService.resolve("/v1/enrollments"), body);
        return new Enrollment(vm, accepted.get("enrollmentId").asText(), secret);
    }

    /**
     * As the script does: 429, any 5xx and no answer at all (a refused or dropped connection) are "not now", so wait a
     * little longer each time and send the same body again, for up to {@link #RETRY_BUDGET}. The same body matters:
     * a POST whose answer was lost may have been accepted, and identity-service answers the same request with the
     * same enrollment, while a fresh identity or secret would be a second enrollment of the VM.
     */
    private JsonNode postRetryingWhenBusy(URI uri, JsonNode body) {
        long delayMillis = 200;
        long deadline = System.nanoTime() + RETRY_BUDGET.toNanos();
        while (true) {
            JsonHttp.Answer answer;
            try {
                answer = http.post(uri, Map.of(), body);
            } catch (UncheckedIOException noAnswer) {
                if (System.nanoTime() > deadline) {
                    throw noAnswer;
                }
                answer = null;
            }
            if (answer != null && ((answer.status() != 429 && answer.status() / 100 != 5) || System.nanoTime() > deadline)) {
                return answer.ok();
            }
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            delayMillis = Math.min(delayMillis * 2, 5_000);
        }
    }

    /** The enrollment's status as its VM sees it ({@code status}, {@code activation}, …). */
    public JsonNode status(Enrollment enrollment) {
        return http.get(identityService.resolve("/v1/enrollments/" + enrollment.enrollmentId()),
                Map.of("Authorization", "Bearer " + enrollment.secret())).ok();
    }

    /**
     * What {@code amazon-ssm-agent -register} does, if the status carries an activation: answers the managed
     * instance id, or empty while there is no activation yet.
     */
    public Optional<String> registerAgent(Enrollment enrollment, JsonNode status) {
        JsonNode activation = status.path("activation");
        if (!activation.hasNonNull("activationCode")) {
            return Optional.empty();
        }
        FleetVm vm = enrollment.vm();
        ObjectNode agent = JsonHttp.object().put("activationCode", activation.get("activationCode").asText())
                .put("activationId", activation.get("activationId").asText()).put("region", activation.get("region").asText())
                .put("hostname", vm.instanceName()).put("ipAddress", "10.0.0." + (1 + RANDOM.nextInt(250)))
                .put("platformName", vm.os().platformName()).put("platformVersion", vm.os().version())
                .put("platformType", vm.os().platformType());
        JsonNode registered = http.post(simulator.resolve("/_sim/agent/register"), Map.of(), agent).ok();
        return Optional.of(registered.get("instanceId").asText());
    }

    private JsonNode identity(FleetVm vm) {
        String base = vm.metadataBaseUrl();
        return switch (vm.account().provider()) {
            case "gcp" -> JsonHttp.object().put("token", http.text(URI.create(base
                    + "/computeMetadata/v1/instance/service-accounts/default/identity?format=full&audience="
                    + URLEncoder.encode(gcpAudience, StandardCharsets.UTF_8)), Map.of("Metadata-Flavor", "Google")).strip());
            case "azure" -> {
                String nonce = postRetryingWhenBusy(identityService.resolve("/v1/challenges"), null).get("nonce").asText();
                String document = http.text(URI.create(base + "/metadata/attested/document?api-version=2021-02-01&nonce=" + nonce),
                        Map.of("Metadata", "true"));
                yield JsonHttp.object().put("attestedDocument", parse(document).get("signature").asText()).put("nonce", nonce);
            }
            case "aws" -> {
                String token = http.putText(URI.create(base + "/latest/api/token"),
                        Map.of("X-aws-ec2-metadata-token-ttl-seconds", "300"));
                Map<String, String> session = Map.of("X-aws-ec2-metadata-token", token);
                yield JsonHttp.object()
                        .put("pkcs7", http.text(URI.create(base + "/latest/dynamic/instance-identity/rsa2048"), session).replace("\n", ""))
                        .put("document", http.text(URI.create(base + "/latest/dynamic/instance-identity/document"), session));
            }
            case "vmware" -> JsonHttp.object().put("token", http.text(URI.create(vm.guestinfoUrl() + "/crosspatch.token"), Map.of()).strip());
            default -> throw new IllegalArgumentException("unknown provider " + vm.account().provider());
        };
    }

    private static JsonNode parse(String json) {
        try {
            return JsonHttp.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("IMDS answered no JSON", e);
        }
    }

    /** 32 random bytes, base64url without padding (43 characters), as the startup script makes it. */
    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
