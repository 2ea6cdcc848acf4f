package io.crosspatch.patching.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosspatch.simulator.CloudSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The test's own view of a system account: an SSM client acting in it (through STS, as the service does), and the
 * simulator's control endpoints (agents registering, windows opened now, the ground truth of patch states).
 */
public final class AccountSsm implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudSimulator simulator;
    private final String accountId;
    private final StsClient sts;
    private final SsmClient ssm;

    public AccountSsm(CloudSimulator simulator, String accountId) {
        this.simulator = simulator;
        this.accountId = accountId;
        this.sts = StsClient.builder().endpointOverride(simulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        simulator.managementCredentials().accessKeyId(), simulator.managementCredentials().secretAccessKey())))
                .build();
        this.ssm = SsmClient.builder().endpointOverride(simulator.endpoint()).region(Region.of(Fixtures.REGION))
                .credentialsProvider(StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                        .refreshRequest(r -> r.roleArn("arn:aws:iam::" + accountId + ":role/OrganizationAccountAccessRole")
                                .roleSessionName("test").durationSeconds(43_200)).build())
                .build();
    }

    public SsmClient ssm() {
        return ssm;
    }

    /** What {@code amazon-ssm-agent -register} does; answers the managed instance id. */
    public String registerAgent(String activationId, String activationCode, String hostname, String[] platform)
            throws Exception {
        String body = JSON.createObjectNode().put("activationCode", activationCode).put("activationId", activationId)
                .put("region", Fixtures.REGION).put("hostname", hostname).put("platformName", platform[0])
                .put("platformVersion", platform[1]).toString();
        return post("/_sim/agent/register", body).get("instanceId").asText();
    }

    public JsonNode runWindowNow(String windowId) throws Exception {
        return post("/_sim/maintenance-windows/" + windowId + "/run",
                "{\"accountId\":\"" + accountId + "\",\"region\":\"" + Fixtures.REGION + "\"}");
    }

    /** The simulator's ground truth of every reported node of the account. */
    public JsonNode patchStates() throws Exception {
        return JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(simulator.endpoint()
                        + "/_sim/patch-states?accountId=" + accountId + "&region=" + Fixtures.REGION)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(simulator.endpoint()
                + path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        ssm.close();
        sts.close();
    }
}
