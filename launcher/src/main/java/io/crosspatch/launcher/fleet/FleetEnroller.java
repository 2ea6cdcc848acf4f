package io.crosspatch.launcher.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosspatch.launcher.JsonHttp;
import io.crosspatch.simulator.client.SimulatorControl;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Does for a simulated VM what the startup script does on a real one, in-process so that a fleet of hundreds
 * enrolls in seconds: reads the signed identity from the VM's metadata service, enrolls through the public HTTP
 * API, polls the status with the enrollment secret, and registers the (simulated) SSM Agent with the activation.
 * The real script is run for some VMs as well (see {@link StartupScriptRunner}); both go through the same API.
 */
public final class FleetEnroller {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** One VM's enrollment, as far as it got. */
    public record Enrollment(
            FleetVm vm, String enrollmentId, @Nullable String secret) {}

    private static final int MAX_ATTEMPTS = 8;
    private static final Duration INGRESS_RETRY_BUDGET = Duration.ofMinutes(1);

    private final AtomicLong ingressRetries = new AtomicLong();
    private final AtomicLong metadataRetries = new AtomicLong();
    private final JsonHttp http;
    private final URI identityService;
    private final SimulatorControl simulator;
    private final String gcpAudience;

    public FleetEnroller(JsonHttp http, URI identityService, SimulatorControl simulator, String gcpAudience) {
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
        host.putObject("os")
                .put("family", vm.os().family())
                .put("version", vm.os().version());
        body.putObject("labels").put("crosspatch-patching", "true").put("crosspatch-patchgroup", vm.patchGroup());
        body.put("enrollmentSecret", secret);
        JsonNode accepted = postRetryingWhenBusy(identityService.resolve("/v1/enrollments"), body);
        return new Enrollment(vm, accepted.get("enrollmentId").asText(), secret);
    }

    /**
     * As the script does: 429, any 5xx and a failed exchange (connection reset, no answer) are "not now", so wait a
     * little longer each time and send the same body again — the same identity and secret are the same enrollment,
     * so a retry never enrolls twice. Other answers are final. At least {@link #MAX_ATTEMPTS} tries and, like the
     * script (six tries 2 s doubling apart), about a minute: long enough to ride out identity-service restarting.
     */
    private JsonNode postRetryingWhenBusy(URI uri, @Nullable JsonNode body) {
        long delayMillis = 200;
        long deadline = System.nanoTime() + INGRESS_RETRY_BUDGET.toNanos();
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= MAX_ATTEMPTS && System.nanoTime() > deadline;
            JsonHttp.Answer answer;
            try {
                answer = http.post(uri, Map.of(), body);
            } catch (UncheckedIOException e) {
                if (last) {
                    throw e;
                }
                answer = null;
            }
            boolean busy = answer == null || answer.status() == 429 || answer.status() / 100 == 5;
            if (!busy || last) {
                return Objects.requireNonNull(answer).ok();
            }
            ingressRetries.incrementAndGet();
            pause(delayMillis);
            delayMillis = Math.min(delayMillis * 2, 5_000);
        }
    }

    /**
     * A read from the VM's metadata service, retried after a failed exchange: a real instance metadata service is
     * local to the VM and does not drop connections, the simulator serving thousands of them on one machine can.
     */
    private String fromMetadata(Supplier<String> read) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (UncheckedIOException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                metadataRetries.incrementAndGet();
                pause(100L * attempt);
            }
        }
    }

    /**
     * How many requests were sent again after a busy answer or a failed exchange, to the ingress and to the metadata
     * services: a benchmark reports them, since every one is latency a VM saw.
     */
    public Map<String, Long> retries() {
        return Map.of("ingress", ingressRetries.get(), "metadata", metadataRetries.get());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The enrollment's status as its VM sees it ({@code status}, {@code activation}, …). */
    public JsonNode status(Enrollment enrollment) {
        return http.get(
                        identityService.resolve("/v1/enrollments/" + enrollment.enrollmentId()),
                        Map.of("Authorization", "Bearer " + enrollment.secret()))
                .ok();
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
        ObjectNode agent = JsonHttp.object()
                .put("activationCode", activation.get("activationCode").asText())
                .put("activationId", activation.get("activationId").asText())
                .put("region", activation.get("region").asText())
                .put("hostname", vm.instanceName())
                .put("ipAddress", "10.0.0." + (1 + RANDOM.nextInt(250)))
                .put("platformName", vm.os().platformName())
                .put("platformVersion", vm.os().version())
                .put("platformType", vm.os().platformType())
                // the VM the agent runs on: deleting the VM in the simulator then silences its node
                .put("vmId", vm.vmId());
        JsonNode registered = simulator.registerAgent(agent);
        return Optional.of(registered.get("instanceId").asText());
    }

    private JsonNode identity(FleetVm vm) {
        String base = vm.metadataBaseUrl();
        return switch (vm.account().provider()) {
            case "gcp" ->
                JsonHttp.object()
                        .put(
                                "token",
                                fromMetadata(() -> http.text(
                                                URI.create(base
                                                        + "/computeMetadata/v1/instance/service-accounts/default/identity?format=full&audience="
                                                        + URLEncoder.encode(gcpAudience, StandardCharsets.UTF_8)),
                                                Map.of("Metadata-Flavor", "Google")))
                                        .strip());
            case "azure" -> {
                String nonce = postRetryingWhenBusy(identityService.resolve("/v1/challenges"), null)
                        .get("nonce")
                        .asText();
                String document = fromMetadata(() -> http.text(
                        URI.create(base + "/metadata/attested/document?api-version=2021-02-01&nonce=" + nonce),
                        Map.of("Metadata", "true")));
                yield JsonHttp.object()
                        .put(
                                "attestedDocument",
                                parse(document).get("signature").asText())
                        .put("nonce", nonce);
            }
            case "aws" -> {
                String token = fromMetadata(() -> http.putText(
                        URI.create(base + "/latest/api/token"), Map.of("X-aws-ec2-metadata-token-ttl-seconds", "300")));
                Map<String, String> session = Map.of("X-aws-ec2-metadata-token", token);
                yield JsonHttp.object()
                        .put(
                                "pkcs7",
                                fromMetadata(() -> http.text(
                                                URI.create(base + "/latest/dynamic/instance-identity/rsa2048"),
                                                session))
                                        .replace("\n", ""))
                        .put(
                                "document",
                                fromMetadata(() -> http.text(
                                        URI.create(base + "/latest/dynamic/instance-identity/document"), session)));
            }
            case "vmware" ->
                JsonHttp.object()
                        .put(
                                "token",
                                fromMetadata(() -> http.text(
                                                URI.create(vm.guestinfoUrl() + "/crosspatch.token"), Map.of()))
                                        .strip());
            default ->
                throw new IllegalArgumentException(
                        "unknown provider " + vm.account().provider());
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
