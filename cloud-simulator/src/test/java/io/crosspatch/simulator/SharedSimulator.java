package io.crosspatch.simulator;

import io.crosspatch.simulator.auth.Credentials;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsAsyncClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.ssm.SsmAsyncClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * One simulator per test JVM, with real AWS SDK v2 clients pointed at it, the way the services will use it.
 * Tests that change global behaviour (faults, limits) undo it; resources are made unique per test.
 */
public final class SharedSimulator {

    public static final Region REGION = Region.EU_WEST_1;
    private static CloudSimulator simulator;

    private SharedSimulator() {}

    public static synchronized CloudSimulator get() {
        if (simulator == null) {
            simulator = CloudSimulator.start(SimulatorConfig.defaults()
                    .rateLimitsEnabled(false)
                    .accountCreationDuration(java.time.Duration.ofSeconds(1)));
            Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        }
        return simulator;
    }

    public static URI endpoint() {
        return get().endpoint();
    }

    public static AwsCredentialsProvider management() {
        Credentials keys = get().managementCredentials();
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey()));
    }

    public static AwsCredentialsProvider session(String accessKeyId, String secret, String token) {
        return StaticCredentialsProvider.create(AwsSessionCredentials.create(accessKeyId, secret, token));
    }

    public static StsClient sts(AwsCredentialsProvider credentials) {
        return StsClient.builder()
                .endpointOverride(endpoint())
                .region(REGION)
                .credentialsProvider(credentials)
                .build();
    }

    public static IamClient iam(AwsCredentialsProvider credentials) {
        return IamClient.builder()
                .endpointOverride(endpoint())
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials)
                .build();
    }

    public static OrganizationsClient organizations(AwsCredentialsProvider credentials) {
        return OrganizationsClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .build();
    }

    public static OrganizationsAsyncClient organizationsAsync(AwsCredentialsProvider credentials) {
        return OrganizationsAsyncClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .build();
    }

    public static SsmClient ssm(AwsCredentialsProvider credentials) {
        return SsmClient.builder()
                .endpointOverride(endpoint())
                .region(REGION)
                .credentialsProvider(credentials)
                .build();
    }

    public static SsmAsyncClient ssmAsync(AwsCredentialsProvider credentials) {
        return SsmAsyncClient.builder()
                .endpointOverride(endpoint())
                .region(REGION)
                .credentialsProvider(credentials)
                .build();
    }
}
