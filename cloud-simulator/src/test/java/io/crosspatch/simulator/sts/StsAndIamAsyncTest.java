package io.crosspatch.simulator.sts;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.simulator.SharedSimulator;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamAsyncClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.sts.StsAsyncClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/** The Query-protocol services through the SDK's asynchronous (Netty) clients, as account-service may use them. */
class StsAndIamAsyncTest {

    private static final String TRUST_MANAGEMENT = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole"}]}""";

    @Test
    void shouldCreateRoleAssumeItAndActInItsAccountAsynchronously() {
        String roleName = "AsyncRole" + System.nanoTime();
        try (IamAsyncClient iam = IamAsyncClient.builder()
                        .endpointOverride(SharedSimulator.endpoint())
                        .region(Region.AWS_GLOBAL)
                        .credentialsProvider(SharedSimulator.management())
                        .build();
                StsAsyncClient sts = StsAsyncClient.builder()
                        .endpointOverride(SharedSimulator.endpoint())
                        .region(SharedSimulator.REGION)
                        .credentialsProvider(SharedSimulator.management())
                        .build()) {
            iam.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(TRUST_MANAGEMENT))
                    .join();

            CompletionException duplicate = org.junit.jupiter.api.Assertions.assertThrows(
                    CompletionException.class,
                    () -> iam.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(TRUST_MANAGEMENT))
                            .join());
            AssumeRoleResponse assumed = sts.assumeRole(r -> r.roleArn("arn:aws:iam::111111111111:role/" + roleName)
                            .roleSessionName("async"))
                    .join();

            assertThat(duplicate.getCause()).isInstanceOf(EntityAlreadyExistsException.class);
            assertThat(assumed.assumedRoleUser().arn())
                    .isEqualTo("arn:aws:sts::111111111111:assumed-role/" + roleName + "/async");
        }
    }
}
