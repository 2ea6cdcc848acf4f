package io.crosspatch.patching.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosspatch.simulator.CloudSimulator;
import io.crosspatch.simulator.client.SimulatorControl;
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

    private final SimulatorControl control;
    private final String accountId;
    private final StsClient sts;
    private final SsmClient ssm;

    public AccountSsm(CloudSimulator simulator, String accountId) {
        this.control = new SimulatorControl(simulator.endpoint());
        this.accountId = accountId;
        this.sts = StsClient.builder()
                .endpointOverride(simulator.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        simulator.managementCredentials().accessKeyId(),
                        simulator.managementCredentials().secretAccessKey())))
                .build();
        this.ssm = SsmClient.builder()
                .endpointOverride(simulator.endpoint())
                .region(Region.of(Fixtures.REGION))
                .credentialsProvider(StsAssumeRoleCredentialsProvider.builder()
                        .stsClient(sts)
                        .refreshRequest(
                                r -> r.roleArn("arn:aws:iam::" + accountId + ":role/OrganizationAccountAccessRole")
                                        .roleSessionName("test")
                                        .durationSeconds(43_200))
                        .build())
                .build();
    }

    public SsmClient ssm() {
        return ssm;
    }

    /** What {@code amazon-ssm-agent -register} does; answers the managed instance id. */
    public String registerAgent(String activationId, String activationCode, String hostname, String[] platform)
            throws Exception {
        ObjectNode body = SimulatorControl.object()
                .put("activationCode", activationCode)
                .put("activationId", activationId)
                .put("region", Fixtures.REGION)
                .put("hostname", hostname)
                .put("platformName", platform[0])
                .put("platformVersion", platform[1]);
        return control.registerAgent(body).get("instanceId").asText();
    }

    /** Registers an agent that runs on the simulated VM {@code vmId} (deleting the VM silences it). */
    public String registerAgentOn(
            String vmId, String activationId, String activationCode, String hostname, String[] platform) {
        ObjectNode body = SimulatorControl.object()
                .put("activationCode", activationCode)
                .put("activationId", activationId)
                .put("region", Fixtures.REGION)
                .put("hostname", hostname)
                .put("platformName", platform[0])
                .put("platformVersion", platform[1])
                .put("vmId", vmId);
        return control.registerAgent(body).get("instanceId").asText();
    }

    public JsonNode runWindowNow(String windowId) throws Exception {
        return control.runMaintenanceWindow(windowId, accountId, Fixtures.REGION);
    }

    /** The simulator's ground truth of every reported node of the account. */
    public JsonNode patchStates() throws Exception {
        return control.patchStates(accountId, Fixtures.REGION, true);
    }

    @Override
    public void close() {
        ssm.close();
        sts.close();
    }
}
