package io.crosspatch.simulator.organizations;

import static io.crosspatch.simulator.organizations.OrganizationsFixtures.allAccounts;
import static io.crosspatch.simulator.organizations.OrganizationsFixtures.anyAccountRequest;
import static io.crosspatch.simulator.organizations.OrganizationsFixtures.injectFailure;
import static io.crosspatch.simulator.organizations.OrganizationsFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.InvalidInputException;
import software.amazon.awssdk.services.organizations.model.InvalidInputExceptionReason;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;

/**
 * ListAccounts and ListCreateAccountStatus page with NextToken and MaxResults (1–20), on a simulator of its own
 * holding the management account, seven created accounts, two failed creations and one still in progress.
 */
class OrganizationsPaginationTest {

    private static DedicatedSimulator simulator;
    private static final List<String> created = new ArrayList<>();

    @BeforeAll
    static void anOrganization() {
        simulator = DedicatedSimulator.start(config -> config.maxAccountCreationsInProgress(20));
        IntStream.range(0, 9).forEach(i -> {
            String email = uniqueEmail("page");
            if (i >= 7) {
                injectFailure(simulator.endpoint(), "INTERNAL_FAILURE", 1, email);
            }
            created.add(simulator
                    .organizations()
                    .createAccount(anyAccountRequest(email))
                    .createAccountStatus()
                    .id());
        });
        simulator.advance(Duration.ofHours(1));
        created.add(simulator
                .organizations()
                .createAccount(anyAccountRequest(uniqueEmail("pending")))
                .createAccountStatus()
                .id());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void pagesThroughAllAccountsWithNextToken() {
        ListAccountsResponse first = simulator.organizations().listAccounts(r -> r.maxResults(3));
        ListAccountsResponse second =
                simulator.organizations().listAccounts(r -> r.maxResults(3).nextToken(first.nextToken()));
        ListAccountsResponse last =
                simulator.organizations().listAccounts(r -> r.maxResults(3).nextToken(second.nextToken()));

        assertThat(first.accounts()).hasSize(3);
        assertThat(first.accounts().get(0).id()).isEqualTo("111111111111");
        assertThat(second.accounts()).hasSize(3);
        assertThat(last.accounts()).hasSize(2);
        assertThat(last.nextToken()).isNull();
        assertThat(allAccounts(simulator.organizations(), 3))
                .extracting(Account::id)
                .hasSize(8)
                .doesNotHaveDuplicates();
    }

    @Test
    void filtersCreationRequestsByStateAcrossPages() {
        List<CreateAccountStatus> succeeded = new ArrayList<>();
        simulator
                .organizations()
                .listCreateAccountStatusPaginator(
                        r -> r.states(CreateAccountState.SUCCEEDED).maxResults(2))
                .forEach(page -> {
                    assertThat(page.createAccountStatuses()).hasSizeLessThanOrEqualTo(2);
                    succeeded.addAll(page.createAccountStatuses());
                });

        assertThat(succeeded).extracting(CreateAccountStatus::id).containsExactlyElementsOf(created.subList(0, 7));
        assertThat(simulator
                        .organizations()
                        .listCreateAccountStatus(
                                r -> r.states(CreateAccountState.FAILED, CreateAccountState.IN_PROGRESS))
                        .createAccountStatuses())
                .extracting(CreateAccountStatus::id)
                .containsExactlyElementsOf(created.subList(7, 10));
        assertThat(simulator.organizations().listCreateAccountStatus().createAccountStatuses())
                .hasSize(10);
    }

    @Test
    void refusesMaxResultsOutsideOneToTwenty() {
        assertThatThrownBy(() -> simulator.organizations().listAccounts(r -> r.maxResults(0)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidInputExceptionReason.MIN_VALUE_EXCEEDED));
        assertThatThrownBy(() -> simulator.organizations().listCreateAccountStatus(r -> r.maxResults(21)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidInputExceptionReason.MAX_VALUE_EXCEEDED));
    }

    @Test
    void refusesANextTokenItDidNotIssue() {
        assertThatThrownBy(() -> simulator.organizations().listAccounts(r -> r.nextToken("made-up")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidInputExceptionReason.INVALID_NEXT_TOKEN));
    }
}
