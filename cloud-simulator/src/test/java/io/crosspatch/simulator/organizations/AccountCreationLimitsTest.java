package io.crosspatch.simulator.organizations;

import static io.crosspatch.simulator.organizations.OrganizationsFixtures.anyAccountRequest;
import static io.crosspatch.simulator.organizations.OrganizationsFixtures.awaitCompleted;
import static io.crosspatch.simulator.organizations.OrganizationsFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ConstraintViolationException;
import software.amazon.awssdk.services.organizations.model.ConstraintViolationExceptionReason;
import software.amazon.awssdk.services.organizations.model.CreateAccountFailureReason;
import software.amazon.awssdk.services.organizations.model.CreateAccountResponse;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;

/** Organizations' limits on account creation, each on a simulator of its own so the counts are exact. */
class AccountCreationLimitsTest {

    @Test
    void refusesCreationsBeyondTheInProgressLimitUnderConcurrentCalls() {
        try (DedicatedSimulator simulator =
                DedicatedSimulator.start(config -> config.maxAccountCreationsInProgress(5))) {
            // when twelve creations are requested at once
            List<CompletableFuture<CreateAccountResponse>> calls = IntStream.range(0, 12)
                    .mapToObj(
                            i -> simulator.organizationsAsync().createAccount(anyAccountRequest(uniqueEmail("burst"))))
                    .toList();

            // then five are accepted and the others refused at once
            List<Throwable> refusals = calls.stream()
                    .map(AccountCreationLimitsTest::failureOf)
                    .filter(Objects::nonNull)
                    .toList();
            assertThat(refusals)
                    .hasSize(7)
                    .allSatisfy(e -> assertThat(e)
                            .isInstanceOfSatisfying(
                                    ConstraintViolationException.class,
                                    refused -> assertThat(refused.reason())
                                            .isEqualTo(
                                                    ConstraintViolationExceptionReason
                                                            .ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED)));

            // and once those five completed there is room again
            simulator.advance(Duration.ofHours(1));
            assertThat(simulator
                            .organizations()
                            .createAccount(anyAccountRequest(uniqueEmail("after")))
                            .createAccountStatus()
                            .state())
                    .isEqualTo(CreateAccountState.IN_PROGRESS);
        }
    }

    @Test
    void failsCreationsBeyondTheAccountQuotaWithAccountLimitExceeded() {
        try (DedicatedSimulator simulator = DedicatedSimulator.start(config -> config.accountQuota(3))) {
            // given room for two accounts next to the management account
            List<String> requests = IntStream.range(0, 3)
                    .mapToObj(i -> simulator
                            .organizations()
                            .createAccount(anyAccountRequest(uniqueEmail("quota")))
                            .createAccountStatus()
                            .id())
                    .toList();

            // when
            simulator.advance(Duration.ofHours(1));

            // then
            assertThat(requests)
                    .extracting(id -> awaitCompleted(simulator.organizations(), id))
                    .extracting(CreateAccountStatus::state, CreateAccountStatus::failureReason)
                    .containsExactly(
                            tuple(CreateAccountState.SUCCEEDED, null),
                            tuple(CreateAccountState.SUCCEEDED, null),
                            tuple(CreateAccountState.FAILED, CreateAccountFailureReason.ACCOUNT_LIMIT_EXCEEDED));
            assertThat(simulator.organizations().listAccounts().accounts()).hasSize(3);
        }
    }

    @Test
    void createsOneAccountPerEmailUnderConcurrentDuplicates() {
        try (DedicatedSimulator simulator =
                DedicatedSimulator.start(config -> config.maxAccountCreationsInProgress(20))) {
            // given ten identical requests at once, as retries and redeliveries produce them
            String email = uniqueEmail("same");
            List<String> requests = IntStream.range(0, 10)
                    .mapToObj(i -> simulator.organizationsAsync().createAccount(anyAccountRequest(email)))
                    .toList()
                    .stream()
                    .map(call -> call.join().createAccountStatus().id())
                    .toList();

            // when
            simulator.advance(Duration.ofHours(1));

            // then one succeeds; the others, submitted while it was in progress, fail as duplicates
            List<CreateAccountStatus> outcomes = requests.stream()
                    .map(id -> awaitCompleted(simulator.organizations(), id))
                    .toList();
            assertThat(outcomes)
                    .filteredOn(s -> s.state() == CreateAccountState.SUCCEEDED)
                    .hasSize(1);
            assertThat(outcomes)
                    .filteredOn(s -> s.state() == CreateAccountState.FAILED)
                    .hasSize(9)
                    .allSatisfy(s -> assertThat(s.failureReason())
                            .isEqualTo(CreateAccountFailureReason.CONCURRENT_ACCOUNT_MODIFICATION));
            assertThat(simulator.organizations().listAccounts().accounts())
                    .extracting(Account::email)
                    .containsOnlyOnce(email);
        }
    }

    private static Throwable failureOf(CompletableFuture<CreateAccountResponse> call) {
        try {
            call.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        }
    }
}
