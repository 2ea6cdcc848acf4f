package io.crosspatch.account.vending;

import static io.crosspatch.account.vending.Enrollments.anyGcpAccount;
import static io.crosspatch.account.vending.Enrollments.verified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crosspatch.account.vending.OutcomeTap.Seen;
import io.crosspatch.events.AccountReady;
import io.crosspatch.events.IdentityVerified;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Many enrollments of new cloud accounts, each delivered twice: one CreateAccount and one account per cloud account. */
@CrosspatchIntegrationTest(
        properties = {
            "crosspatch.cassandra.keyspace=account_it_duplicates",
            "spring.kafka.consumer.group-id=account-it-duplicates"
        })
class DuplicateEnrollmentsTest extends VendingIntegrationTest {

    @Test
    void createsSystemAccountOnceUnderDuplicates() {
        // given 10 new cloud accounts with 5 enrollments each, interleaved
        List<CloudAccountKey> accounts =
                IntStream.range(0, 10).mapToObj(i -> anyGcpAccount("dup")).toList();
        List<IdentityVerified> enrollments = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (CloudAccountKey account : accounts) {
                enrollments.add(verified(account, "enr-" + UUID.randomUUID()));
            }
        }
        Set<String> keys = accounts.stream().map(CloudAccountKey::toString).collect(Collectors.toSet());

        // when each is delivered twice, the copy seven records later
        for (int i = 0; i < enrollments.size() + 7; i++) {
            if (i < enrollments.size()) {
                send(enrollments.get(i));
            }
            if (i >= 7) {
                send(enrollments.get(i - 7));
            }
        }

        // then every enrollment gets exactly one account.ready
        await().atMost(Duration.ofMinutes(2)).until(() -> tap.ready(keys).size() >= 50);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> tap.ready(keys).size() == 50);
        List<Seen<AccountReady>> ready = tap.ready(keys);
        assertThat(ready)
                .extracting(seen -> seen.value().getEnrollmentId())
                .containsExactlyInAnyOrderElementsOf(enrollments.stream()
                        .map(IdentityVerified::getEnrollmentId)
                        .toList());
        // and exactly one CreateAccount and one account per cloud account, the one every account.ready names
        assertThat(TestSimulator.calls("organizations", "CreateAccount")).isEqualTo(10);
        for (CloudAccountKey account : accounts) {
            var created = TestSimulator.accountsTagged(account.cloudAccountId());
            assertThat(created).as("accounts of %s", account).hasSize(1);
            String accountId = created.get(0).get("id").asText();
            List<AccountReady> mine = ready.stream()
                    .filter(seen -> seen.key().equals(account.toString()))
                    .map(Seen::value)
                    .toList();
            assertThat(mine).hasSize(5).allSatisfy(event -> {
                assertThat(event.getSystemAccount().getAccountId()).isEqualTo(accountId);
                assertThat(event.getSystemAccount().getRoleArn())
                        .isEqualTo("arn:aws:iam::" + accountId + ":role/OrganizationAccountAccessRole");
                assertThat(event.getSystemAccount().getSsmServiceRoleName()).isEqualTo("CrosspatchSsmServiceRole");
                assertThat(event.getIdentity().getCloudAccountId()).isEqualTo(account.cloudAccountId());
            });
            assertThat(mine.stream().filter(event -> event.getSystemAccount().getNewlyCreated()))
                    .hasSize(1);
            assertThat(TestSimulator.get().context().iam().find(accountId, "CrosspatchSsmServiceRole"))
                    .isPresent();
        }
    }
}
