package io.crosspatch.patching.systemaccount.aws;

import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * One SSM client per system account and region, acting through an assumed-role session: management credentials
 * → STS AssumeRole into the account's role. The SDK's {@link StsAssumeRoleCredentialsProvider} caches the
 * session and refreshes it shortly before it expires, so an account costs one AssumeRole per session, not one per
 * call; a session AWS calls expired before that is assumed again ({@link RenewableSession}). Retries use the
 * SDK's standard strategy (throttling back-off) with the configured attempts and without its retry quota, which
 * would otherwise give up under sustained throttling.
 */
public final class SsmSessions implements AutoCloseable {

    private record Key(String accountId, String region, String roleArn) {}

    private final AwsProperties properties;
    private final StsClient sts;
    private final Map<Key, SsmClient> clients = new ConcurrentHashMap<>();

    public SsmSessions(AwsProperties properties) {
        this.properties = properties;
        StsClientBuilder builder = StsClient.builder()
                .region(Region.of(properties.region()))
                .credentialsProvider(managementCredentials())
                .overrideConfiguration(retries());
        if (properties.endpoint() != null) {
            builder.endpointOverride(properties.endpoint());
        }
        this.sts = builder.build();
    }

    /** The SSM client acting in {@code account}. */
    public SsmClient ssm(SystemAccountRef account) {
        return clients.computeIfAbsent(new Key(account.accountId(), account.region(), account.roleArn()), this::build);
    }

    private SsmClient build(Key key) {
        RenewableSession session = new RenewableSession(
                key.accountId(),
                () -> StsAssumeRoleCredentialsProvider.builder()
                        .stsClient(sts)
                        .refreshRequest(request -> request.roleArn(key.roleArn())
                                .roleSessionName("crosspatch-patching")
                                .durationSeconds(
                                        (int) properties.sessionDuration().toSeconds()))
                        .asyncCredentialUpdateEnabled(false)
                        .build());
        SsmClientBuilder builder = SsmClient.builder()
                .region(Region.of(key.region()))
                .credentialsProvider(session)
                .overrideConfiguration(
                        retries().toBuilder().addExecutionInterceptor(session).build())
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(properties.maxConnectionsPerAccount()));
        if (properties.endpoint() != null) {
            builder.endpointOverride(properties.endpoint());
        }
        return builder.build();
    }

    private ClientOverrideConfiguration retries() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(properties.maxAttempts())
                        .circuitBreakerEnabled(false)
                        .build())
                .build();
    }

    private AwsCredentialsProvider managementCredentials() {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(properties.accessKeyId(), properties.secretAccessKey()));
    }

    @Override
    public void close() {
        clients.values().forEach(SsmClient::close);
        sts.close();
    }
}
