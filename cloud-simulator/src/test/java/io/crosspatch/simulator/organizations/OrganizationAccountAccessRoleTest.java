package io.crosspatch.simulator.organizations;

import static io.crosspatch.simulator.organizations.OrganizationsFixtures.anyAccountRequest;
import static io.crosspatch.simulator.organizations.OrganizationsFixtures.awaitCompleted;
import static io.crosspatch.simulator.organizations.OrganizationsFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccessDeniedException;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The role Organizations creates in a new account: assumable by the management account, but only some time after
 * the account exists — account vending has to retry AssumeRole, as against AWS.
 */
class OrganizationAccountAccessRoleTest {

    @Test
    void letsTheManagementAccountAssumeTheNewAccountsRoleOnlyAfterTheDelay() {
        try (DedicatedSimulator simulator =
                        DedicatedSimulator.start(config -> config.accountCreationDuration(Duration.ofMinutes(1))
                                .roleAssumableDelay(Duration.ofMinutes(5)));
                StsClient sts = simulator.sts(simulator.management())) {
            // given an account that has just been created
            String requestId = simulator
                    .organizations()
                    .createAccount(anyAccountRequest(uniqueEmail("role")))
                    .createAccountStatus()
                    .id();
            simulator.advance(Duration.ofMinutes(1));
            CreateAccountStatus created = awaitCompleted(simulator.organizations(), requestId);
            assertThat(created.state()).isEqualTo(CreateAccountState.SUCCEEDED);
            String roleArn = "arn:aws:iam::" + created.accountId() + ":role/OrganizationAccountAccessRole";

            // then its role cannot be assumed yet
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("too-early")))
                    .isInstanceOfSatisfying(
                            StsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));

            // and after the delay it can, acting in the new account
            simulator.advance(Duration.ofMinutes(5));
            Credentials credentials = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("vending"))
                    .credentials();
            try (StsClient asRole = simulator.sts(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                    credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken())))) {
                assertThat(asRole.getCallerIdentity().account()).isEqualTo(created.accountId());
            }
        }
    }

    @Test
    void createsTheRoleNamedInTheRequest() {
        try (DedicatedSimulator simulator =
                        DedicatedSimulator.start(config -> config.accountCreationDuration(Duration.ofMinutes(1)));
                StsClient sts = simulator.sts(simulator.management())) {
            String requestId = simulator
                    .organizations()
                    .createAccount(anyAccountRequest(uniqueEmail("named")).toBuilder()
                            .roleName("CrosspatchVending")
                            .build())
                    .createAccountStatus()
                    .id();
            simulator.advance(Duration.ofMinutes(1));
            String accountId =
                    awaitCompleted(simulator.organizations(), requestId).accountId();

            assertThat(sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + accountId + ":role/CrosspatchVending")
                                    .roleSessionName("vending"))
                            .assumedRoleUser()
                            .arn())
                    .endsWith(":assumed-role/CrosspatchVending/vending");
        }
    }

    @Test
    void refusesOrganizationsCallsFromAMemberAccount() {
        try (DedicatedSimulator simulator =
                        DedicatedSimulator.start(config -> config.accountCreationDuration(Duration.ofMinutes(1)));
                StsClient sts = simulator.sts(simulator.management())) {
            // given credentials acting in a member account
            String requestId = simulator
                    .organizations()
                    .createAccount(anyAccountRequest(uniqueEmail("member")))
                    .createAccountStatus()
                    .id();
            simulator.advance(Duration.ofMinutes(1));
            String accountId =
                    awaitCompleted(simulator.organizations(), requestId).accountId();
            Credentials member = sts.assumeRole(
                            r -> r.roleArn("arn:aws:iam::" + accountId + ":role/OrganizationAccountAccessRole")
                                    .roleSessionName("member"))
                    .credentials();

            // then Organizations refuses them
            try (OrganizationsClient asMember =
                    simulator.organizations(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                            member.accessKeyId(), member.secretAccessKey(), member.sessionToken())))) {
                assertThatThrownBy(() -> asMember.createAccount(anyAccountRequest(uniqueEmail("refused"))))
                        .isInstanceOfSatisfying(
                                AccessDeniedException.class,
                                e -> assertThat(e.statusCode()).isEqualTo(400));
                assertThatThrownBy(asMember::listAccounts).isInstanceOf(AccessDeniedException.class);
            }
        }
    }
}
