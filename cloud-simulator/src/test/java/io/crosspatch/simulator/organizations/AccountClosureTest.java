package io.crosspatch.simulator.organizations;

import static io.crosspatch.simulator.organizations.OrganizationsFixtures.anyAccountRequest;
import static io.crosspatch.simulator.organizations.OrganizationsFixtures.awaitCompleted;
import static io.crosspatch.simulator.organizations.OrganizationsFixtures.simulatedAccounts;
import static io.crosspatch.simulator.organizations.OrganizationsFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountAlreadyClosedException;
import software.amazon.awssdk.services.organizations.model.AccountNotFoundException;
import software.amazon.awssdk.services.organizations.model.AccountState;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.organizations.model.ConflictException;
import software.amazon.awssdk.services.organizations.model.ConstraintViolationException;
import software.amazon.awssdk.services.organizations.model.ConstraintViolationExceptionReason;
import software.amazon.awssdk.services.organizations.model.InvalidInputException;

/** Organizations' CloseAccount: PENDING_CLOSURE then SUSPENDED, its errors and its quotas, each on a simulator of its own. */
class AccountClosureTest {

    @Test
    void closesAMemberAccountThroughPendingClosureToSuspended() {
        try (DedicatedSimulator simulator = DedicatedSimulator.start(config -> config)) {
            // given
            String accountId = createdAccounts(simulator, 1).get(0);

            // when
            simulator.organizations().closeAccount(r -> r.accountId(accountId));

            // then it is closing, and once the closure completed it is suspended everywhere AWS shows it
            assertThat(describe(simulator, accountId).status()).isEqualTo(AccountStatus.PENDING_CLOSURE);
            simulator.advance(Duration.ofMinutes(5));
            Account closed = describe(simulator, accountId);
            assertThat(closed.status()).isEqualTo(AccountStatus.SUSPENDED);
            assertThat(closed.state()).isEqualTo(AccountState.SUSPENDED);
            assertThat(simulator.organizations().listAccounts().accounts())
                    .filteredOn(account -> account.id().equals(accountId))
                    .extracting(Account::status)
                    .containsExactly(AccountStatus.SUSPENDED);
            JsonNode groundTruth = simulatedAccounts(simulator.endpoint());
            assertThat(StreamSupport.stream(groundTruth.spliterator(), false)
                            .filter(row -> row.path("id").asText().equals(accountId))
                            .map(row -> row.path("status").asText()))
                    .containsExactly("SUSPENDED");
        }
    }

    @Test
    void refusesToCloseAnAccountTwiceOrWhileItIsClosing() {
        try (DedicatedSimulator simulator = DedicatedSimulator.start(config -> config)) {
            String accountId = createdAccounts(simulator, 1).get(0);
            simulator.organizations().closeAccount(r -> r.accountId(accountId));

            assertThatThrownBy(() -> simulator.organizations().closeAccount(r -> r.accountId(accountId)))
                    .isInstanceOf(ConflictException.class);

            simulator.advance(Duration.ofMinutes(5));
            assertThatThrownBy(() -> simulator.organizations().closeAccount(r -> r.accountId(accountId)))
                    .isInstanceOf(AccountAlreadyClosedException.class);
        }
    }

    @Test
    void refusesUnknownAccountsMalformedIdsAndTheManagementAccount() {
        try (DedicatedSimulator simulator = DedicatedSimulator.start(config -> config)) {
            assertThatThrownBy(() -> simulator.organizations().closeAccount(r -> r.accountId("999999999999")))
                    .isInstanceOf(AccountNotFoundException.class);
            assertThatThrownBy(() -> simulator.organizations().closeAccount(r -> r.accountId("12345")))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> simulator.organizations().closeAccount(r -> r.accountId("111111111111")))
                    .isInstanceOfSatisfying(
                            ConstraintViolationException.class,
                            e -> assertThat(e.reason())
                                    .isEqualTo(ConstraintViolationExceptionReason.ACCOUNT_CANNOT_LEAVE_ORGANIZATION));
            assertThat(describe(simulator, "111111111111").status()).isEqualTo(AccountStatus.ACTIVE);
        }
    }

    @Test
    void refusesMoreClosuresAtOnceThanTheLimit() {
        try (DedicatedSimulator simulator =
                DedicatedSimulator.start(config -> config.maxAccountClosuresInProgress(2))) {
            List<String> accounts = createdAccounts(simulator, 3);
            simulator.organizations().closeAccount(r -> r.accountId(accounts.get(0)));
            simulator.organizations().closeAccount(r -> r.accountId(accounts.get(1)));

            assertThatThrownBy(() -> simulator.organizations().closeAccount(r -> r.accountId(accounts.get(2))))
                    .isInstanceOfSatisfying(
                            ConstraintViolationException.class,
                            e -> assertThat(e.reason())
                                    .isEqualTo(
                                            ConstraintViolationExceptionReason.CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED));

            // once the first two are closed there is room again
            simulator.advance(Duration.ofMinutes(5));
            simulator.organizations().closeAccount(r -> r.accountId(accounts.get(2)));
            assertThat(describe(simulator, accounts.get(2)).status()).isEqualTo(AccountStatus.PENDING_CLOSURE);
        }
    }

    @Test
    void closesAtMostTenAccountsWithinARolling30DaysInASmallOrganization() {
        try (DedicatedSimulator simulator =
                DedicatedSimulator.start(config -> config.maxAccountCreationsInProgress(20))) {
            // given eleven member accounts: 10 % of them is 1, so the quota is the minimum of 10
            List<String> accounts = createdAccounts(simulator, 11);
            accounts.subList(0, 10).forEach(id -> simulator.organizations().closeAccount(r -> r.accountId(id)));

            // when the eleventh is closed within 30 days
            simulator.advance(Duration.ofDays(29));
            assertThatThrownBy(() -> simulator.organizations().closeAccount(r -> r.accountId(accounts.get(10))))
                    .isInstanceOfSatisfying(
                            ConstraintViolationException.class,
                            e -> assertThat(e.reason())
                                    .isEqualTo(ConstraintViolationExceptionReason.CLOSE_ACCOUNT_QUOTA_EXCEEDED));
            assertThat(describe(simulator, accounts.get(10)).status()).isEqualTo(AccountStatus.ACTIVE);

            // then once the window has rolled past the first closures it may close
            simulator.advance(Duration.ofDays(2));
            simulator.organizations().closeAccount(r -> r.accountId(accounts.get(10)));
            assertThat(describe(simulator, accounts.get(10)).status()).isEqualTo(AccountStatus.PENDING_CLOSURE);
        }
    }

    private static Account describe(DedicatedSimulator simulator, String accountId) {
        return simulator
                .organizations()
                .describeAccount(r -> r.accountId(accountId))
                .account();
    }

    private static List<String> createdAccounts(DedicatedSimulator simulator, int count) {
        List<String> requests = IntStream.range(0, count)
                .mapToObj(i -> simulator
                        .organizations()
                        .createAccount(anyAccountRequest(uniqueEmail("close")))
                        .createAccountStatus()
                        .id())
                .toList();
        simulator.advance(Duration.ofHours(1));
        return requests.stream()
                .map(id -> awaitCompleted(simulator.organizations(), id).accountId())
                .toList();
    }
}
