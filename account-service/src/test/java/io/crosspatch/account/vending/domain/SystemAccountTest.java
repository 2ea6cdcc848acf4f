package io.crosspatch.account.vending.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SystemAccountTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldAdvanceTheVersionWithEveryTransition() {
        SystemAccount claim = anyClaim();

        SystemAccount requesting = claim.requesting(NOW);
        SystemAccount creating = requesting.creating("car-0123456789", NOW, NOW.plusSeconds(1));
        SystemAccount created = creating.created("123456789012", NOW);
        SystemAccount ready = created.ready("arn:aws:iam::123456789012:role/OrganizationAccountAccessRole", "Ssm", NOW);

        assertThat(java.util.List.of(claim, requesting, creating, created, ready))
                .extracting(SystemAccount::version)
                .containsExactly(0, 1, 2, 3, 4);
        assertThat(ready.state()).isEqualTo(SystemAccountState.READY);
        assertThat(ready.createRequests()).isEqualTo(1);
        assertThat(ready.accountId()).isEqualTo("123456789012");
    }

    @Test
    void shouldForgetTheRequestIdWhenQueuedToCreateAgain() {
        SystemAccount creating = anyClaim().requesting(NOW).creating("car-0123456789", NOW, NOW);

        SystemAccount queued =
                creating.retry(SystemAccountState.QUEUED, "INTERNAL_FAILURE", "failed", NOW.plusSeconds(2), NOW);

        assertThat(queued.createRequestId()).isNull();
        assertThat(queued.attempts()).isEqualTo(1);
        assertThat(queued.isDue(NOW)).isFalse();
        assertThat(queued.isDue(NOW.plusSeconds(2))).isTrue();
    }

    @Test
    void shouldHoldACreationSlotOnlyWhileRequestingOrCreating() {
        assertThat(SystemAccountState.values())
                .filteredOn(SystemAccountState::holdsCreationSlot)
                .containsExactly(SystemAccountState.REQUESTING, SystemAccountState.CREATING);
    }

    private static SystemAccount anyClaim() {
        return SystemAccount.claim(
                new SystemAccount.CloudAccount(
                        new CloudAccountKey(CloudProvider.GCP, "acme-prod"), "acme", "eu-west-1", 3),
                new SystemAccount.AccountRequest("aws+acme@example.com", "crosspatch acme", "enr-1"),
                NOW);
    }
}
