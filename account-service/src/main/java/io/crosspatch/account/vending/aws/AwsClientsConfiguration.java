package io.crosspatch.account.vending.aws;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The management account's AWS clients. Organizations runs with the SDK's retries off: CreateAccount is not
 * idempotent, so a silent retry after a lost answer could make a second account — every retry is the
 * workflow's, which looks before it creates again. STS keeps the SDK's standard retries. One HTTP client is
 * shared by all clients, including the short-lived ones made per new account.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AwsProperties.class)
class AwsClientsConfiguration {

    @Bean(destroyMethod = "close")
    SdkHttpClient awsHttpClient() {
        return ApacheHttpClient.builder().maxConnections(64).build();
    }

    @Bean
    AwsCredentialsProvider managementCredentials(AwsProperties properties) {
        return properties.hasStaticCredentials()
                ? StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(properties.accessKeyId(), properties.secretAccessKey()))
                : DefaultCredentialsProvider.builder().build();
    }

    @Bean(destroyMethod = "close")
    OrganizationsClient organizationsClient(
            AwsProperties properties, AwsCredentialsProvider managementCredentials, SdkHttpClient awsHttpClient) {
        var builder = OrganizationsClient.builder()
                .region(Region.US_EAST_1)
                .httpClient(awsHttpClient)
                .credentialsProvider(managementCredentials)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (properties.endpoint() != null) {
            builder.endpointOverride(properties.endpoint());
        }
        return builder.build();
    }

    @Bean(destroyMethod = "close")
    StsClient stsClient(
            AwsProperties properties, AwsCredentialsProvider managementCredentials, SdkHttpClient awsHttpClient) {
        var builder = StsClient.builder()
                .region(Region.of(properties.region()))
                .httpClient(awsHttpClient)
                .credentialsProvider(managementCredentials);
        if (properties.endpoint() != null) {
            builder.endpointOverride(properties.endpoint());
        }
        return builder.build();
    }
}
