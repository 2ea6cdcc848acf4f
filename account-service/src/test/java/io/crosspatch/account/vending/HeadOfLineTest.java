package io.crosspatch.account.vending;

import static io.crosspatch.account.vending.Enrollments.anyGcpAccount;
import static io.crosspatch.account.vending.Enrollments.verified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crosspatch.account.vending.OutcomeTap.Seen;
import io.crosspatch.events.AccountReady;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/** A slow creation does not hold up the other cloud accounts on its partition. */
@CrosspatchIntegrationTest(
        properties = {
            "crosspatch.cassandra.keyspace=account_it_head_of_line",
            "spring.kafka.consumer.group-id=account-it-head-of-line"
        })
class HeadOfLineTest extends VendingIntegrationTest {

    @Test
    void answersReadyAccountsWhileAnotherAccountOnTheSamePartitionIsStillBeingCreated() {
        // given a cloud account whose system account is ready
        CloudAccountKey ready = anyGcpAccount("ready");
        send(verified(ready, "enr-hol-first"));
        await().atMost(Duration.ofMinutes(1))
                .until(() -> tap.ready(Set.of(ready.toString())).size() == 1);
        // and, on the same partition, one whose creation takes an hour
        CloudAccountKey slow = onSamePartitionAs(ready);
        TestSimulator.get().context().config().accountCreationDuration(Duration.ofHours(1));
        send(verified(slow, "enr-hol-slow-1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSimulator.calls("organizations", "CreateAccount") == 2);

        // when more VMs of both enroll, the slow one's first
        send(verified(slow, "enr-hol-slow-2"));
        long sentAt = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            send(verified(ready, "enr-hol-" + i));
        }

        // then the ready account's enrollments are answered within two seconds, the slow one's still wait
        await().atMost(Duration.ofSeconds(2))
                .until(() -> tap.ready(Set.of(ready.toString())).size() == 6);
        List<Seen<AccountReady>> answered = tap.ready(Set.of(ready.toString()));
        long lastArrival =
                answered.stream().mapToLong(Seen::arrivedAtNanos).max().orElseThrow();
        assertThat(Duration.ofNanos(lastArrival - sentAt)).isLessThan(Duration.ofSeconds(2));
        assertThat(tap.ready(Set.of(slow.toString()))).isEmpty();
    }

    private static CloudAccountKey onSamePartitionAs(CloudAccountKey other) {
        int partition = partition(other);
        while (true) {
            CloudAccountKey candidate = anyGcpAccount("slow");
            if (partition(candidate) == partition) {
                return candidate;
            }
        }
    }

    /** Kafka's default partitioner for a keyed record. */
    private static int partition(CloudAccountKey key) {
        byte[] bytes = key.toString().getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(bytes)) % Topics.IDENTITY_VERIFIED.partitions();
    }
}
