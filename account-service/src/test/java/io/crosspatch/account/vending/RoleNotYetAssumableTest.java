package io.crosspatch.account.vending;

import static io.crosspatch.account.vending.Enrollments.anyGcpAccount;
import static io.crosspatch.account.vending.Enrollments.verified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A new account refuses its OrganizationAccountAccessRole for a while after SUCCEEDED, as AWS's do. */
@CrosspatchIntegrationTest(
        properties = {
            "crosspatch.cassandra.keyspace=account_it_role",
            "spring.kafka.consumer.group-id=account-it-role",
            "crosspatch.accounts.retry-backoff-max=2s"
        })
class RoleNotYetAssumableTest extends VendingIntegrationTest {

    @Test
    void retriesAssumeRoleUntilTheNewAccountAcceptsIt() {
        // given accounts whose access role becomes assumable 6 s after they are created
        TestSimulator.get().context().config().roleAssumableDelay(Duration.ofSeconds(6));
        CloudAccountKey account = anyGcpAccount("slow-role");
        long start = System.nanoTime();

        // when a VM of a new cloud account enrolls
        send(verified(account, "enr-role-1"));

        // then it is refused at first, retried, and then the account is ready
        await().atMost(Duration.ofMinutes(1))
                .until(() -> tap.ready(Set.of(account.toString())).size() == 1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(6));
        assertThat(TestSimulator.calls("sts", "AssumeRole")).isGreaterThan(1);
        String accountId = tap.ready(Set.of(account.toString()))
                .get(0)
                .value()
                .getSystemAccount()
                .getAccountId();
        assertThat(TestSimulator.get().context().iam().find(accountId, "CrosspatchSsmServiceRole"))
                .isPresent();
    }
}
