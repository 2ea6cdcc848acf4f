package io.crosspatch.simulator.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.simulator.SharedSimulator;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** STS and IAM over the Query protocol, through the real SDK: signing, account scoping and IAM's error codes. */
class StsAndIamTest {

    private static final String TRUST_MANAGEMENT = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole"}]}""";
    private static final String TRUST_SSM = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    @Test
    void shouldIdentifyManagementAccountFromItsAccessKey() {
        try (StsClient sts = SharedSimulator.sts(SharedSimulator.management())) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo("111111111111");
        }
    }

    @Test
    void shouldActInTheAssumedRolesAccount() {
        // given a role in another account that trusts the management account
        String account = anyAccountId();
        SharedSimulator.get()
                .context()
                .iam()
                .createRoleInternally(
                        account,
                        "OrganizationAccountAccessRole",
                        TRUST_MANAGEMENT,
                        Instant.EPOCH,
                        "arn:aws:iam::aws:policy/AdministratorAccess");

        // when
        AssumeRoleResponse assumed;
        try (StsClient sts = SharedSimulator.sts(SharedSimulator.management())) {
            assumed = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/OrganizationAccountAccessRole")
                    .roleSessionName("crosspatch-test"));
        }

        // then the temporary credentials act in that account
        try (StsClient asRole = SharedSimulator.sts(SharedSimulator.session(
                assumed.credentials().accessKeyId(),
                assumed.credentials().secretAccessKey(),
                assumed.credentials().sessionToken()))) {
            assertThat(asRole.getCallerIdentity().account()).isEqualTo(account);
            assertThat(asRole.getCallerIdentity().arn())
                    .endsWith(":assumed-role/OrganizationAccountAccessRole/crosspatch-test");
        }
    }

    @Test
    void shouldRefuseRoleThatIsNotYetAssumable() {
        String account = anyAccountId();
        SharedSimulator.get()
                .context()
                .iam()
                .createRoleInternally(
                        account,
                        "OrganizationAccountAccessRole",
                        TRUST_MANAGEMENT,
                        Instant.now().plusSeconds(3600),
                        "arn:aws:iam::aws:policy/AdministratorAccess");

        try (StsClient sts = SharedSimulator.sts(SharedSimulator.management())) {
            assertThatThrownBy(() -> sts.assumeRole(
                            r -> r.roleArn("arn:aws:iam::" + account + ":role/OrganizationAccountAccessRole")
                                    .roleSessionName("too-early")))
                    .isInstanceOf(StsException.class)
                    .satisfies(
                            e -> assertThat(((StsException) e).awsErrorDetails().errorCode())
                                    .isEqualTo("AccessDenied"));
        }
    }

    @Test
    void shouldRefuseServiceRoleToUsers() {
        String roleName = "SsmService" + System.nanoTime();
        try (IamClient iam = SharedSimulator.iam(SharedSimulator.management());
                StsClient sts = SharedSimulator.sts(SharedSimulator.management())) {
            iam.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(TRUST_SSM));

            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::111111111111:role/" + roleName)
                            .roleSessionName("nope")))
                    .isInstanceOf(StsException.class);
        }
    }

    @Test
    void shouldCreateRoleOnceAndAnswerEntityAlreadyExistsWith409() {
        String roleName = "CrosspatchSsmServiceRole" + System.nanoTime();
        try (IamClient iam = SharedSimulator.iam(SharedSimulator.management())) {
            iam.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(TRUST_SSM));
            iam.attachRolePolicy(
                    r -> r.roleName(roleName).policyArn("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"));

            assertThatThrownBy(() -> iam.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(TRUST_SSM)))
                    .isInstanceOf(EntityAlreadyExistsException.class)
                    .satisfies(e -> assertThat(((EntityAlreadyExistsException) e).statusCode())
                            .isEqualTo(409));
            assertThat(iam.getRole(r -> r.roleName(roleName)).role().arn())
                    .isEqualTo("arn:aws:iam::111111111111:role/" + roleName);
            assertThat(iam.listAttachedRolePolicies(r -> r.roleName(roleName)).attachedPolicies())
                    .extracting(p -> p.policyArn())
                    .containsExactly("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore");
            assertThatThrownBy(() -> iam.getRole(r -> r.roleName("missing-" + roleName)))
                    .isInstanceOf(NoSuchEntityException.class);
        }
    }

    @Test
    void shouldRejectRequestSignedWithWrongSecret() {
        String keyId = SharedSimulator.get().managementCredentials().accessKeyId();
        try (StsClient forged = SharedSimulator.sts(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(keyId, "not-the-secret-not-the-secret-not-the-se")))) {
            assertThatThrownBy(forged::getCallerIdentity)
                    .isInstanceOf(StsException.class)
                    .satisfies(
                            e -> assertThat(((StsException) e).awsErrorDetails().errorCode())
                                    .isEqualTo("SignatureDoesNotMatch"));
        }
    }

    @Test
    void shouldRejectUnknownAccessKey() {
        try (StsClient unknown = SharedSimulator.sts(StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIAUNKNOWNUNKNOWN00", "whatever-whatever-whatever-whatever-what")))) {
            assertThatThrownBy(unknown::getCallerIdentity).isInstanceOf(StsException.class);
        }
    }

    private static String anyAccountId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(200_000_000_000L, 999_999_999_999L));
    }
}
