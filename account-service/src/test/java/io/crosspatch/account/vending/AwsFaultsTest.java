package io.crosspatch.account.vending;

import static io.crosspatch.account.vending.Enrollments.anyGcpAccount;
import static io.crosspatch.account.vending.Enrollments.verified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crosspatch.account.vending.domain.AccountNaming;
import io.crosspatch.events.EnrollmentFailed;
import io.crosspatch.events.EnrollmentStage;
import io.crosspatch.events.IdentityVerified;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import io.crosspatch.simulator.control.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** AWS misbehaving: throttling everywhere, a creation that fails with INTERNAL_FAILURE, one whose e-mail is taken. */
@CrosspatchIntegrationTest(
        properties = {
            "crosspatch.cassandra.keyspace=account_it_faults",
            "spring.kafka.consumer.group-id=account-it-faults",
            "crosspatch.accounts.retry-backoff-max=3s",
            "crosspatch.accounts.poll-backoff-max=3s"
        })
class AwsFaultsTest extends VendingIntegrationTest {

    @Autowired
    private AccountNaming naming;

    @AfterEach
    void calmDown() {
        TestSimulator.get().traffic().clearFaults();
    }

    @Test
    void getsEveryAccountReadyThroughThrottlingAndInternalFailureAndFailsTakenEmail() {
        // given 30% of Organizations, STS and IAM calls throttled, one creation failing with INTERNAL_FAILURE
        // and one with EMAIL_ALREADY_EXISTS (an address that belongs to no account of ours)
        List<CloudAccountKey> healthy =
                IntStream.range(0, 4).mapToObj(i -> anyGcpAccount("throttled")).toList();
        CloudAccountKey internalFailure = anyGcpAccount("internal");
        CloudAccountKey emailTaken = anyGcpAccount("taken");
        for (String service : List.of("organizations", "sts", "iam")) {
            TestSimulator.get().traffic().addFault(new Fault(service, "*", 0.3, 0.0, 0));
        }
        TestSimulator.failNextCreation(naming.email(internalFailure, "acme"), "INTERNAL_FAILURE");
        TestSimulator.failNextCreation(naming.email(emailTaken, "acme"), "EMAIL_ALREADY_EXISTS");
        List<CloudAccountKey> succeeding = new ArrayList<>(healthy);
        succeeding.add(internalFailure);

        // when two VMs of each cloud account enroll
        List<IdentityVerified> enrollments = new ArrayList<>();
        for (CloudAccountKey account : concat(succeeding, emailTaken)) {
            enrollments.add(verified(account, "enr-" + UUID.randomUUID()));
            enrollments.add(verified(account, "enr-" + UUID.randomUUID()));
        }
        enrollments.forEach(this::send);

        // then every other cloud account gets its account and every enrollment its account.ready
        Set<String> readyKeys =
                succeeding.stream().map(CloudAccountKey::toString).collect(Collectors.toSet());
        await().atMost(Duration.ofMinutes(3)).until(() -> tap.ready(readyKeys).size() == 10);
        for (CloudAccountKey account : succeeding) {
            assertThat(TestSimulator.accountsTagged(account.cloudAccountId()))
                    .as("accounts of %s", account)
                    .hasSize(1);
        }
        // and the taken e-mail ends in enrollment.failed with that reason, for both its enrollments
        Set<String> failedIds = enrollments.stream()
                .filter(e -> e.getIdentity().getCloudAccountId().equals(emailTaken.cloudAccountId()))
                .map(IdentityVerified::getEnrollmentId)
                .collect(Collectors.toSet());
        await().atMost(Duration.ofMinutes(1)).until(() -> tap.failed(failedIds).size() == 2);
        assertThat(tap.failed(failedIds)).extracting(seen -> seen.value()).allSatisfy((EnrollmentFailed failed) -> {
            assertThat(failed.getStage()).isEqualTo(EnrollmentStage.ACCOUNT);
            assertThat(failed.getReasonCode()).isEqualTo("EMAIL_ALREADY_EXISTS");
            assertThat(failed.getRetryable()).isFalse();
            assertThat(failed.getCloudAccountId()).isEqualTo(emailTaken.cloudAccountId());
        });
        assertThat(TestSimulator.accountsTagged(emailTaken.cloudAccountId())).isEmpty();
        // and the throttling really happened
        assertThat(TestSimulator.calls("organizations", "DescribeCreateAccountStatus"))
                .isGreaterThan(5);
    }

    private static List<CloudAccountKey> concat(List<CloudAccountKey> accounts, CloudAccountKey more) {
        List<CloudAccountKey> all = new ArrayList<>(accounts);
        all.add(more);
        return all;
    }
}
