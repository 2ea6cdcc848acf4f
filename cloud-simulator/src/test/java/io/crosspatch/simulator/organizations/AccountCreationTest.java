package io.crosspatch.simulator.organizations;

import static io.crosspatch.simulator.organizations.OrganizationsFixtures.allAccounts;
import static io.crosspatch.simulator.organizations.OrganizationsFixtures.anyAccountRequest;
import static io.crosspatch.simulator.organizations.OrganizationsFixtures.awaitCompleted;
import static io.crosspatch.simulator.organizations.OrganizationsFixtures.injectFailure;
import static io.crosspatch.simulator.organizations.OrganizationsFixtures.pendingFailures;
import static io.crosspatch.simulator.organizations.OrganizationsFixtures.simulatedAccounts;
import static io.crosspatch.simulator.organizations.OrganizationsFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.simulator.SharedSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsAsyncClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountJoinedMethod;
import software.amazon.awssdk.services.organizations.model.AccountNotFoundException;
import software.amazon.awssdk.services.organizations.model.AccountState;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.organizations.model.CreateAccountFailureReason;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatusNotFoundException;
import software.amazon.awssdk.services.organizations.model.Tag;
import software.amazon.awssdk.services.organizations.model.TargetNotFoundException;

/** CreateAccount as account vending uses it, through the real SDK against the shared simulator. */
class AccountCreationTest {

    private static OrganizationsClient organizations;
    private static OrganizationsAsyncClient organizationsAsync;

    @BeforeAll
    static void clients() {
        organizations = SharedSimulator.organizations(SharedSimulator.management());
        organizationsAsync = SharedSimulator.organizationsAsync(SharedSimulator.management());
    }

    @AfterAll
    static void closeClients() {
        organizations.close();
        organizationsAsync.close();
    }

    @Test
    void createsAccountAsynchronouslyWithItsTags() {
        // given
        String email = uniqueEmail("create");
        Instant before = SharedSimulator.get().clock().instant();

        // when
        CreateAccountStatus requested =
                organizations.createAccount(anyAccountRequest(email)).createAccountStatus();

        // then the request is accepted, in progress
        assertThat(requested.id()).matches("car-[a-z0-9]{32}");
        assertThat(requested.state()).isEqualTo(CreateAccountState.IN_PROGRESS);
        assertThat(requested.accountName()).isEqualTo("cp-" + email.substring(0, email.indexOf('@')));
        assertThat(requested.requestedTimestamp())
                .isBetween(before.minusMillis(1), SharedSimulator.get().clock().instant());
        assertThat(requested.accountId()).isNull();

        // and once its time has passed it succeeded with a new account
        SharedSimulator.get().clock().advance(Duration.ofSeconds(1));
        CreateAccountStatus completed = awaitCompleted(organizations, requested.id());
        assertThat(completed.state()).isEqualTo(CreateAccountState.SUCCEEDED);
        assertThat(completed.accountId()).matches("\\d{12}");
        assertThat(completed.completedTimestamp()).isAfter(requested.requestedTimestamp());
        assertThat(completed.failureReason()).isNull();

        Account account = organizations
                .describeAccount(r -> r.accountId(completed.accountId()))
                .account();
        assertThat(account.email()).isEqualTo(email);
        assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(account.state()).isEqualTo(AccountState.ACTIVE);
        assertThat(account.joinedMethod()).isEqualTo(AccountJoinedMethod.CREATED);
        assertThat(account.arn())
                .matches("arn:aws:organizations::111111111111:account/o-[a-z0-9]{10}/" + completed.accountId());
        assertThat(organizations
                        .listTagsForResource(r -> r.resourceId(completed.accountId()))
                        .tags())
                .containsExactly(
                        Tag.builder().key("crosspatch:tenant").value("acme").build(),
                        Tag.builder().key("crosspatch:provider").value("gcp").build());
        assertThat(allAccounts(organizations, 20)).extracting(Account::id).contains(completed.accountId());
    }

    @Test
    void createsAccountThroughTheAsyncClient() {
        String email = uniqueEmail("async");

        CreateAccountStatus requested = organizationsAsync
                .createAccount(anyAccountRequest(email))
                .join()
                .createAccountStatus();
        SharedSimulator.get().clock().advance(Duration.ofSeconds(1));

        assertThat(requested.state()).isEqualTo(CreateAccountState.IN_PROGRESS);
        CreateAccountStatus completed = awaitCompleted(organizations, requested.id());
        assertThat(completed.state()).isEqualTo(CreateAccountState.SUCCEEDED);
        assertThat(organizationsAsync
                        .describeCreateAccountStatus(r -> r.createAccountRequestId(requested.id()))
                        .join()
                        .createAccountStatus()
                        .accountId())
                .isEqualTo(completed.accountId());
    }

    @Test
    void listsTheManagementAccountFromTheStart() {
        Account management =
                organizations.describeAccount(r -> r.accountId("111111111111")).account();

        assertThat(management.joinedMethod()).isEqualTo(AccountJoinedMethod.INVITED);
        assertThat(management.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(organizations.listAccounts().accounts().get(0).id()).isEqualTo("111111111111");
    }

    @Test
    void showsCreatedAccountsWithTheirTagsOnTheSimulatorEndpoint() {
        String email = uniqueEmail("endpoint");
        String requestId = organizations
                .createAccount(anyAccountRequest(email))
                .createAccountStatus()
                .id();
        SharedSimulator.get().clock().advance(Duration.ofSeconds(1));
        String accountId = awaitCompleted(organizations, requestId).accountId();

        JsonNode listed = StreamSupport.stream(
                        simulatedAccounts(SharedSimulator.endpoint()).spliterator(), false)
                .filter(row -> row.path("id").asText().equals(accountId))
                .findFirst()
                .orElseThrow();

        assertThat(listed.path("email").asText()).isEqualTo(email);
        assertThat(listed.path("tags").path("crosspatch:tenant").asText()).isEqualTo("acme");
        assertThat(listed.path("joinedMethod").asText()).isEqualTo("CREATED");
    }

    @Test
    void failsCreationForTheEmailOfAnAccountOfTheOrganizationWithEmailAlreadyExists() {
        // given an account with that e-mail
        String email = uniqueEmail("duplicate");
        String first = organizations
                .createAccount(anyAccountRequest(email))
                .createAccountStatus()
                .id();
        SharedSimulator.get().clock().advance(Duration.ofSeconds(1));
        assertThat(awaitCompleted(organizations, first).state()).isEqualTo(CreateAccountState.SUCCEEDED);

        // when
        CreateAccountStatus second = organizations
                .createAccount(anyAccountRequest(email.toUpperCase(Locale.ROOT)))
                .createAccountStatus();
        SharedSimulator.get().clock().advance(Duration.ofSeconds(1));

        // then the API accepted it, and the creation failed
        assertThat(second.state()).isEqualTo(CreateAccountState.IN_PROGRESS);
        CreateAccountStatus completed = awaitCompleted(organizations, second.id());
        assertThat(completed.state()).isEqualTo(CreateAccountState.FAILED);
        assertThat(completed.failureReason()).isEqualTo(CreateAccountFailureReason.EMAIL_ALREADY_EXISTS);
        assertThat(completed.accountId()).isNull();
        assertThat(allAccounts(organizations, 20))
                .filteredOn(a -> a.email().equalsIgnoreCase(email))
                .hasSize(1);
    }

    @Test
    void failsTheTargetedCreationWithAnInjectedFailureOnce() {
        // given
        String email = uniqueEmail("injected");
        injectFailure(SharedSimulator.endpoint(), "INTERNAL_FAILURE", 1, email);
        assertThat(pendingFailures(SharedSimulator.endpoint()))
                .anySatisfy(row -> assertThat(row.path("email").asText()).isEqualTo(email));

        // when
        String failing = organizations
                .createAccount(anyAccountRequest(email))
                .createAccountStatus()
                .id();
        String retried = organizations
                .createAccount(anyAccountRequest(email))
                .createAccountStatus()
                .id();
        SharedSimulator.get().clock().advance(Duration.ofSeconds(1));

        // then the first fails with the injected reason and the retry is not affected
        CreateAccountStatus failed = awaitCompleted(organizations, failing);
        assertThat(failed.state()).isEqualTo(CreateAccountState.FAILED);
        assertThat(failed.failureReason()).isEqualTo(CreateAccountFailureReason.INTERNAL_FAILURE);
        assertThat(awaitCompleted(organizations, retried).state()).isEqualTo(CreateAccountState.SUCCEEDED);
        assertThat(pendingFailures(SharedSimulator.endpoint()))
                .noneSatisfy(row -> assertThat(row.path("email").asText()).isEqualTo(email));
    }

    @Test
    void failsCreationForAnEmailAddressThatBreaksTheDocumentedRulesWithInvalidEmail() {
        String email = "user@exa_mple-" + UUID.randomUUID().toString().substring(0, 8) + ".example";

        String requestId = organizations
                .createAccount(anyAccountRequest(email))
                .createAccountStatus()
                .id();
        SharedSimulator.get().clock().advance(Duration.ofSeconds(1));

        CreateAccountStatus completed = awaitCompleted(organizations, requestId);
        assertThat(completed.state()).isEqualTo(CreateAccountState.FAILED);
        assertThat(completed.failureReason()).isEqualTo(CreateAccountFailureReason.INVALID_EMAIL);
    }

    @Test
    void countsEveryCreateAccountCall() {
        long before = SharedSimulator.get().calls().count("111111111111", "organizations", "CreateAccount");

        organizations.createAccount(anyAccountRequest(uniqueEmail("counted")));

        assertThat(SharedSimulator.get().calls().count("111111111111", "organizations", "CreateAccount"))
                .isEqualTo(before + 1);
        assertThat(SharedSimulator.get().calls().count("organizations", "CreateAccount"))
                .isGreaterThanOrEqualTo(before + 1);
    }

    @Test
    void answersNotFoundForUnknownRequestsAccountsAndTargets() {
        assertThatThrownBy(() -> organizations.describeCreateAccountStatus(
                        r -> r.createAccountRequestId("car-0123456789abcdef")))
                .isInstanceOf(CreateAccountStatusNotFoundException.class);
        assertThatThrownBy(() -> organizations.describeAccount(r -> r.accountId("000000000001")))
                .isInstanceOf(AccountNotFoundException.class);
        assertThatThrownBy(() -> organizations.tagResource(
                        r -> r.resourceId("000000000001").tags(t -> t.key("k").value("v"))))
                .isInstanceOf(TargetNotFoundException.class);
        assertThatThrownBy(() -> organizations.listTagsForResource(r -> r.resourceId("ou-ab12-abcdefgh")))
                .isInstanceOf(TargetNotFoundException.class);
    }
}
