package io.crosspatch.simulator.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosspatch.simulator.SharedSimulator;
import io.crosspatch.simulator.client.SimulatorPaths;
import io.crosspatch.simulator.http.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CreateActivationResponse;
import software.amazon.awssdk.services.ssm.model.Tag;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Small factories for the SSM tests: the SSM service role, accounts reached through AssumeRole, activations, and
 * simulated agents registering through {@code /_sim/agent/register}. Names are unique per call (one simulator serves
 * every test of the JVM).
 */
final class SsmFixtures {

    static final String MANAGEMENT_ACCOUNT = "111111111111";
    static final String SSM_ROLE = "CrosspatchSsmServiceRole";
    static final String REGION = SharedSimulator.REGION.id();
    private static final String TRUST_SSM = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private static final String TRUST_MANAGEMENT = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole"}]}""";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private SsmFixtures() {}

    /** The management account, with its SSM service role in place. */
    static AwsCredentialsProvider management() {
        createSsmRole(MANAGEMENT_ACCOUNT);
        return SharedSimulator.management();
    }

    /** A fresh account reached by assuming its OrganizationAccountAccessRole, with an SSM service role. */
    static AwsCredentialsProvider anotherAccount() {
        String account = String.valueOf(ThreadLocalRandom.current().nextLong(200_000_000_000L, 999_999_999_999L));
        SharedSimulator.get()
                .context()
                .iam()
                .createRoleInternally(
                        account,
                        "OrganizationAccountAccessRole",
                        TRUST_MANAGEMENT,
                        Instant.EPOCH,
                        "arn:aws:iam::aws:policy/AdministratorAccess");
        createSsmRole(account);
        try (StsClient sts = SharedSimulator.sts(SharedSimulator.management())) {
            Credentials credentials = sts.assumeRole(
                            r -> r.roleArn("arn:aws:iam::" + account + ":role/OrganizationAccountAccessRole")
                                    .roleSessionName("ssm-test"))
                    .credentials();
            return SharedSimulator.session(
                    credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
        }
    }

    private static void createSsmRole(String account) {
        if (SharedSimulator.get().context().iam().find(account, SSM_ROLE).isEmpty()) {
            SharedSimulator.get()
                    .context()
                    .iam()
                    .createRoleInternally(
                            account,
                            SSM_ROLE,
                            TRUST_SSM,
                            Instant.EPOCH,
                            "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore");
        }
    }

    /** A name unique in this JVM, e.g. {@code early-17}. */
    static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }

    static CreateActivationResponse activation(SsmClient ssm, int registrationLimit, Tag... tags) {
        return ssm.createActivation(r -> r.iamRole(SSM_ROLE)
                .registrationLimit(registrationLimit)
                .defaultInstanceName(unique("host"))
                .tags(tags));
    }

    static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    /** What {@code amazon-ssm-agent -register} sends; answers the simulator's status and body. */
    static SimResponse register(
            CreateActivationResponse activation, String hostname, String platformName, String platformVersion) {
        ObjectNode body = Http.JSON
                .createObjectNode()
                .put("activationCode", activation.activationCode())
                .put("activationId", activation.activationId())
                .put("region", REGION)
                .put("hostname", hostname)
                .put("ipAddress", "10.0.0." + (SEQUENCE.incrementAndGet() % 250 + 1))
                .put("platformName", platformName)
                .put("platformVersion", platformVersion);
        return post(SimulatorPaths.AGENT_REGISTER, body.toString());
    }

    /** Registers an Ubuntu node and answers its instance id. */
    static String registerUbuntu(CreateActivationResponse activation) {
        SimResponse response = register(activation, unique("ubuntu"), "Ubuntu", "22.04");
        if (response.status() != 200) {
            throw new IllegalStateException("registration refused: " + response.body());
        }
        return response.body().get("instanceId").asText();
    }

    static SimResponse post(String path, String body) {
        return send(HttpRequest.newBuilder(SharedSimulator.endpoint().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    static SimResponse get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(SharedSimulator.endpoint() + pathAndQuery))
                .GET()
                .build());
    }

    private static SimResponse send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new SimResponse(response.statusCode(), Http.JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer of a simulator-only endpoint. */
    record SimResponse(int status, JsonNode body) {}
}
