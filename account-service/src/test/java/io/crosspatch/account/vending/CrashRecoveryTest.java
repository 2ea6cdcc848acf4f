package io.crosspatch.account.vending;

import static io.crosspatch.account.vending.Enrollments.anyGcpAccount;
import static io.crosspatch.account.vending.Enrollments.verified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crosspatch.account.vending.application.SystemAccountRepository;
import io.crosspatch.account.vending.domain.AccountNaming;
import io.crosspatch.account.vending.domain.AccountTags;
import io.crosspatch.account.vending.domain.SystemAccount;
import io.crosspatch.account.vending.domain.SystemAccountState;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import io.crosspatch.simulator.auth.Credentials;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Tag;

/**
 * A crash between sending CreateAccount and recording its request id leaves a REQUESTING row. The service must
 * find what that request made — still in progress, or already an account — and never send a second one.
 */
@CrosspatchIntegrationTest(
        properties = {
            "crosspatch.cassandra.keyspace=account_it_crash",
            "spring.kafka.consumer.group-id=account-it-crash"
        })
class CrashRecoveryTest extends VendingIntegrationTest {

    @Autowired
    private SystemAccountRepository accounts;

    @Autowired
    private AccountNaming naming;

    @Test
    void adoptsCreationStillInProgressAfterCrashBeforeRecordingRequestId() {
        // given a CreateAccount that reached Organizations but whose request id was never recorded
        TestSimulator.get().context().config().accountCreationDuration(Duration.ofHours(1));
        CloudAccountKey account = anyGcpAccount("lost-request");
        crashedAfterCreateAccount(account);

        // when a VM of the cloud account enrolls
        send(verified(account, "enr-lost-request"));

        // then the request in progress is found and followed
        await().atMost(Duration.ofSeconds(30))
                .until(() -> accounts.find(account)
                        .map(found -> found.state() == SystemAccountState.CREATING && found.createRequestId() != null)
                        .orElse(false));
        // and once Organizations completes it, the account is ready, without a second CreateAccount
        TestSimulator.get().clock().advance(Duration.ofHours(2));
        await().atMost(Duration.ofMinutes(1))
                .until(() -> tap.ready(Set.of(account.toString())).size() == 1);
        assertThat(TestSimulator.calls("organizations", "CreateAccount")).isEqualTo(1);
        assertThat(TestSimulator.accountsTagged(account.cloudAccountId())).hasSize(1);
    }

    @Test
    void adoptsAccountAlreadyCreatedAfterCrashBeforeRecordingRequestId() {
        // given a CreateAccount whose account already exists, its request id never recorded
        CloudAccountKey account = anyGcpAccount("lost-account");
        crashedAfterCreateAccount(account);
        TestSimulator.get().clock().advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        TestSimulator.accountsTagged(account.cloudAccountId()).size() == 1);

        // when a VM of the cloud account enrolls
        send(verified(account, "enr-lost-account"));

        // then the existing account is adopted (found by its e-mail, recognised by its tags)
        await().atMost(Duration.ofMinutes(1))
                .until(() -> tap.ready(Set.of(account.toString())).size() == 1);
        assertThat(TestSimulator.calls("organizations", "CreateAccount")).isEqualTo(1);
        assertThat(tap.ready(Set.of(account.toString()))
                        .get(0)
                        .value()
                        .getSystemAccount()
                        .getAccountId())
                .isEqualTo(TestSimulator.accountsTagged(account.cloudAccountId())
                        .get(0)
                        .get("id")
                        .asText());
    }

    /** What the service leaves behind when it dies right after CreateAccount was sent: a REQUESTING row. */
    private void crashedAfterCreateAccount(CloudAccountKey account) {
        TestSimulator.get().calls().reset();
        Instant now = Instant.now();
        SystemAccount claim = SystemAccount.claim(
                new SystemAccount.CloudAccount(account, "acme", "eu-west-1", partition(account)),
                new SystemAccount.AccountRequest(
                        naming.email(account, "acme"), naming.accountName(account, "acme"), "enr-before-crash"),
                now);
        assertThat(accounts.claim(claim)).isTrue();
        assertThat(accounts.transition(claim.requesting(now))).isTrue();
        Credentials keys = TestSimulator.get().managementCredentials();
        try (OrganizationsClient organizations = OrganizationsClient.builder()
                .endpointOverride(TestSimulator.get().endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())))
                .build()) {
            organizations.createAccount(request -> request.email(claim.email())
                    .accountName(claim.accountName())
                    .tags(AccountTags.of(account, "acme").entrySet().stream()
                            .map(tag -> Tag.builder()
                                    .key(tag.getKey())
                                    .value(tag.getValue())
                                    .build())
                            .toList()));
        }
    }

    private static int partition(CloudAccountKey key) {
        return Utils.toPositive(Utils.murmur2(key.toString().getBytes(StandardCharsets.UTF_8))) % 6;
    }
}
