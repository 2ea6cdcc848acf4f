package io.crosspatch.simulator.organizations;

import io.crosspatch.simulator.CloudSimulator;
import io.crosspatch.simulator.SimulatorConfig;
import io.crosspatch.simulator.auth.Credentials;
import java.net.URI;
import java.time.Duration;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsAsyncClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A simulator of its own for a test whose settings (limits, quota, delays) or exact counts the shared one can't
 * offer, with management-account Organizations clients. Closed by the test.
 */
final class DedicatedSimulator implements AutoCloseable {

    private final CloudSimulator simulator;
    private final OrganizationsClient organizations;
    private OrganizationsAsyncClient organizationsAsync;

    private DedicatedSimulator(CloudSimulator simulator) {
        this.simulator = simulator;
        this.organizations = OrganizationsClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(management())
                .build();
    }

    /** Starts with rate limits off, a one-hour creation (only advancing the clock completes one) and {@code settings}. */
    static DedicatedSimulator start(UnaryOperator<SimulatorConfig> settings) {
        return new DedicatedSimulator(CloudSimulator.start(settings.apply(
                SimulatorConfig.defaults().rateLimitsEnabled(false).accountCreationDuration(Duration.ofHours(1)))));
    }

    URI endpoint() {
        return simulator.endpoint();
    }

    OrganizationsClient organizations() {
        return organizations;
    }

    /** Made on first use: the async client's event loop takes a while to shut down. */
    OrganizationsAsyncClient organizationsAsync() {
        if (organizationsAsync == null) {
            organizationsAsync = OrganizationsAsyncClient.builder()
                    .endpointOverride(endpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(management())
                    .build();
        }
        return organizationsAsync;
    }

    AwsCredentialsProvider management() {
        Credentials keys = simulator.managementCredentials();
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey()));
    }

    StsClient sts(AwsCredentialsProvider credentials) {
        return StsClient.builder()
                .endpointOverride(endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(credentials)
                .build();
    }

    OrganizationsClient organizations(AwsCredentialsProvider credentials) {
        return OrganizationsClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .build();
    }

    void advance(Duration duration) {
        simulator.clock().advance(duration);
    }

    @Override
    public void close() {
        organizations.close();
        if (organizationsAsync != null) {
            organizationsAsync.close();
        }
        simulator.close();
    }
}
