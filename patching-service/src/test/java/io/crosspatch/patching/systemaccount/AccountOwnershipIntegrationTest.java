package io.crosspatch.patching.systemaccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.patching.support.PatchingIntegrationTest;
import io.crosspatch.patching.systemaccount.application.OwnedAccounts;
import io.crosspatch.patching.systemaccount.domain.KnownAccount;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import io.crosspatch.patching.systemaccount.persistence.SystemAccountRepository;
import io.crosspatch.servicekit.ownership.OwnedPartitions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The schedules' share of the accounts follows the real {@code account.ready} consumer: a lone instance is assigned
 * every partition, so it looks after every account.
 */
class AccountOwnershipIntegrationTest extends PatchingIntegrationTest {

    @Autowired
    private OwnedPartitions ownership;

    @Autowired
    private OwnedAccounts owned;

    @Autowired
    private SystemAccountRepository accounts;

    @Test
    void aLoneInstanceLooksAfterEveryAccountOnceItsConsumerIsAssigned() {
        List<String> keys = IntStream.range(0, 60)
                .mapToObj(i -> List.of("gcp", "azure", "aws", "vmware").get(i % 4) + ":ownership-" + i)
                .toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> keys.stream().allMatch(ownership::owns));

        accounts.remember(
                new SystemAccountRef(
                        "990000000001",
                        "eu-west-1",
                        "arn:aws:iam::990000000001:role/OrganizationAccountAccessRole",
                        "CrosspatchSsmServiceRole"),
                CloudAccountKey.parse("gcp:ownership-remembered"),
                "acme",
                Set.of());
        assertThat(owned.list())
                .extracting(KnownAccount::cloudAccountKey)
                .contains(CloudAccountKey.parse("gcp:ownership-remembered"));
    }
}
