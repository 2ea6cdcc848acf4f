package io.crosspatch.account.vending.application;

import static io.crosspatch.account.vending.application.ScriptedOrganizations.accessDenied;
import static io.crosspatch.account.vending.application.ScriptedOrganizations.constraintViolation;
import static io.crosspatch.account.vending.application.ScriptedOrganizations.malformedPolicy;
import static io.crosspatch.account.vending.application.ScriptedOrganizations.noAnswer;
import static io.crosspatch.account.vending.application.ScriptedOrganizations.serverError;
import static io.crosspatch.account.vending.application.ScriptedOrganizations.throttled;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.account.vending.domain.AccountTags;
import io.crosspatch.account.vending.domain.SystemAccount;
import io.crosspatch.account.vending.domain.SystemAccountState;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.servicekit.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every branch of {@link CreationWorkflow}, one step at a time, against in-memory adapters and a hand-moved clock:
 * no broker, no Cassandra, no AWS simulator, so each case runs in milliseconds. The integration tests prove the
 * same flows against the real things; these pin down each decision.
 */
class CreationWorkflowTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final String TENANT = "acme";

    private final MutableClock clock = new MutableClock(START);
    private final InMemorySystemAccounts accounts = new InMemorySystemAccounts();
    private final InMemoryWaitingEnrollments enrollments = new InMemoryWaitingEnrollments();
    private final RecordingOutcomePublisher publisher = new RecordingOutcomePublisher();
    private final ScriptedOrganizations organizations = new ScriptedOrganizations();
    private final VendingProperties properties = defaults();
    private final CreationWorkflow workflow = new CreationWorkflow(
            accounts, organizations, new OutcomeDelivery(enrollments, publisher, properties, clock), properties, clock);

    @Nested
    class Queued {

        @Test
        void recordsRequestingBeforeSendingCreateAccountThenFollowsTheRequest() {
            SystemAccount queued = claimed("acme-prod");
            List<SystemAccountState> storedWhenSent = new ArrayList<>();
            organizations
                    .acceptsCreation("car-1111111111")
                    .onCreateAccount(email ->
                            storedWhenSent.add(accounts.stored(queued.key()).state()));

            SystemAccount after = step(queued);

            assertThat(storedWhenSent).containsExactly(SystemAccountState.REQUESTING);
            assertThat(after.state()).isEqualTo(SystemAccountState.CREATING);
            assertThat(after.createRequestId()).isEqualTo("car-1111111111");
            assertThat(after.createRequests()).isEqualTo(1);
            assertThat(after.nextAttemptAt()).isEqualTo(START.plus(properties.pollBackoffInitial()));
            assertThat(accounts.onWorkList(after)).isTrue();
        }

        @Test
        void sendsNothingWithoutACreationSlot() {
            SystemAccount queued = claimed("acme-prod");

            workflow.advance(queued, false);

            assertThat(organizations.calls()).isEmpty();
            assertThat(accounts.stored(queued.key())).isEqualTo(queued);
        }

        @Test
        void sendsNoMoreCreateAccountsThanTheBurstAllows() {
            List<SystemAccount> queued = new ArrayList<>();
            for (int i = 0; i <= properties.createAccountBurst(); i++) {
                queued.add(claimed("burst-" + i));
            }

            queued.forEach(account -> workflow.advance(account, true));

            assertThat(organizations.callsOf("CreateAccount"))
                    .isEqualTo(properties.createAccountBurst().longValue());
            assertThat(queued)
                    .extracting(account -> accounts.stored(account.key()).state())
                    .containsOnlyOnce(SystemAccountState.QUEUED);
        }

        @Test
        void sendsCreateAccountOnceWhenTwoStepsStartFromTheSameVersion() {
            SystemAccount queued = claimed("acme-prod");

            workflow.advance(queued, true);
            workflow.advance(queued, true);

            assertThat(organizations.callsOf("CreateAccount")).isEqualTo(1);
            assertThat(accounts.stored(queued.key()).state()).isEqualTo(SystemAccountState.CREATING);
        }

        @Test
        void staysQueuedAndBacksOffWhenThrottled() {
            SystemAccount queued = claimed("acme-prod");
            organizations.refusesCreation(throttled());

            SystemAccount after = step(queued);

            assertThat(after.state()).isEqualTo(SystemAccountState.QUEUED);
            assertThat(after.failureReason()).isEqualTo("TooManyRequestsException");
            assertThat(after.attempts()).isEqualTo(1);
            assertThat(after.isDue(clock.instant())).isFalse();
            assertThat(publisher.published()).isEmpty();
        }

        @Test
        void staysQueuedWhenOrganizationsLimitsCreationsForNow() {
            SystemAccount after = step(claimedRefusedWith(constraintViolation("ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED")));

            assertThat(after.state()).isEqualTo(SystemAccountState.QUEUED);
            assertThat(after.failureReason()).isEqualTo("ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED");
        }

        @Test
        void looksBeforeCreatingAgainWhenCreateAccountGotNoAnswer() {
            SystemAccount after = step(claimedRefusedWith(noAnswer()));

            assertThat(after.state()).isEqualTo(SystemAccountState.REQUESTING);
            assertThat(after.attempts()).isEqualTo(1);
        }

        @Test
        void looksBeforeCreatingAgainAfterAServerError() {
            SystemAccount after = step(claimedRefusedWith(serverError()));

            assertThat(after.state()).isEqualTo(SystemAccountState.REQUESTING);
        }

        @Test
        void failsAndTellsTheWaitingEnrollmentWhenTheRequestCanNeverSucceed() {
            SystemAccount after = step(claimedRefusedWith(constraintViolation("ACCOUNT_NUMBER_LIMIT_EXCEEDED")));

            assertThat(after.state()).isEqualTo(SystemAccountState.FAILED);
            assertThat(after.failureReason()).isEqualTo("ACCOUNT_NUMBER_LIMIT_EXCEEDED");
            assertThat(publisher.published()).containsExactly("enrollment.failed enr-acme-prod");
            assertThat(accounts.onWorkList(after)).isFalse();
        }

        private SystemAccount claimedRefusedWith(AwsCallException fault) {
            organizations.refusesCreation(fault);
            return claimed("acme-prod");
        }
    }

    /** A crash (or a lost answer) left a row that may or may not have a CreateAccount behind it. */
    @Nested
    class ResumedAfterAnUnknownOutcome {

        @Test
        void adoptsTheAccountWithItsEmailWhenItsTagsNameThisCloudAccount() {
            SystemAccount requesting = requesting("acme-prod");
            organizations.hasAccountWithEmail(
                    "210987654321", requesting.email(), AccountTags.of(requesting.key(), TENANT));

            SystemAccount after = step(requesting);

            assertThat(after.state()).isEqualTo(SystemAccountState.READY);
            assertThat(after.accountId()).isEqualTo("210987654321");
            assertThat(after.createRequests()).isEqualTo(1);
            assertThat(organizations.callsOf("CreateAccount")).isZero();
            assertThat(publisher.published()).containsExactly("account.ready enr-acme-prod");
        }

        @Test
        void failsWhenItsEmailBelongsToAnotherAccount() {
            SystemAccount requesting = requesting("acme-prod");
            organizations.hasAccountWithEmail(
                    "210987654321",
                    requesting.email(),
                    AccountTags.of(new CloudAccountKey(CloudProvider.GCP, "someone-else"), TENANT));

            SystemAccount after = step(requesting);

            assertThat(after.state()).isEqualTo(SystemAccountState.FAILED);
            assertThat(after.failureReason()).isEqualTo("EMAIL_ALREADY_EXISTS");
            assertThat(organizations.callsOf("CreateAccount")).isZero();
        }

        @Test
        void followsTheCreationFoundByNameWithoutSendingAnother() {
            SystemAccount requesting = requesting("acme-prod");
            organizations.hasCreationNamed("car-2222222222");

            SystemAccount after = step(requesting);

            assertThat(after.state()).isEqualTo(SystemAccountState.CREATING);
            assertThat(after.createRequestId()).isEqualTo("car-2222222222");
            assertThat(after.createRequests()).isEqualTo(1);
            assertThat(organizations.callsOf("CreateAccount")).isZero();
        }

        @Test
        void queuesItAgainWhenNothingWasCreated() {
            SystemAccount after = step(requesting("acme-prod"));

            assertThat(after.state()).isEqualTo(SystemAccountState.QUEUED);
            assertThat(after.failureReason()).isEqualTo("NOT_FOUND");
            assertThat(organizations.calls()).containsExactly("ListAccounts", "ListCreateAccountStatus");
        }

        @Test
        void keepsLookingWhenTheLookupFails() {
            SystemAccount requesting = requesting("acme-prod");
            organizations.failsToLookUp(throttled());

            SystemAccount after = step(requesting);

            assertThat(after.state()).isEqualTo(SystemAccountState.REQUESTING);
            assertThat(after.attempts()).isEqualTo(1);
            assertThat(organizations.callsOf("CreateAccount")).isZero();
        }
    }

    @Nested
    class Creating {

        @Test
        void pollsAgainLaterWhileTheCreationIsInProgress() {
            SystemAccount creating = creating("acme-prod");
            organizations.reportsCreation("IN_PROGRESS", null, null);

            SystemAccount after = step(creating);

            assertThat(after.state()).isEqualTo(SystemAccountState.CREATING);
            assertThat(after.version()).isEqualTo(creating.version() + 1);
            assertThat(after.attempts()).isEqualTo(1);
            assertThat(after.nextAttemptAt()).isAfter(clock.instant());
        }

        @Test
        void makesTheNewAccountUsableAndAnswersTheEnrollmentOnceCreated() {
            SystemAccount creating = creating("acme-prod");
            organizations.reportsCreation("SUCCEEDED", "123456789012", null);

            SystemAccount after = step(creating);

            assertThat(after.state()).isEqualTo(SystemAccountState.READY);
            assertThat(after.accountId()).isEqualTo("123456789012");
            assertThat(after.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/OrganizationAccountAccessRole");
            assertThat(after.ssmServiceRoleName()).isEqualTo(ScriptedOrganizations.SSM_ROLE);
            assertThat(publisher.published()).containsExactly("account.ready enr-acme-prod");
            assertThat(accounts.onWorkList(after)).isFalse();
        }

        @Test
        void keepsPollingWhenTheStatusCannotBeRead() {
            SystemAccount creating = creating("acme-prod");
            organizations.failsToDescribe(serverError());

            SystemAccount after = step(creating);

            assertThat(after.state()).isEqualTo(SystemAccountState.CREATING);
            assertThat(after.createRequestId()).isEqualTo(creating.createRequestId());
            assertThat(after.attempts()).isEqualTo(1);
        }

        @Test
        void createsAgainAfterAnInternalFailureForgettingTheFailedRequest() {
            SystemAccount creating = creating("acme-prod");
            organizations.reportsCreation("FAILED", null, "INTERNAL_FAILURE");

            SystemAccount after = step(creating);

            assertThat(after.state()).isEqualTo(SystemAccountState.QUEUED);
            assertThat(after.createRequestId()).isNull();
            assertThat(after.failureReason()).isEqualTo("INTERNAL_FAILURE");
        }

        @Test
        void givesUpAfterAsManyInternalFailuresAsRequestsAllowed() {
            SystemAccount account = claimed("acme-prod");
            for (int request = 1; request < properties.maxCreateRequests(); request++) {
                account = failedInternally(account);
                assertThat(account.state()).isEqualTo(SystemAccountState.QUEUED);
            }

            SystemAccount after = failedInternally(account);

            assertThat(after.state()).isEqualTo(SystemAccountState.FAILED);
            assertThat(after.createRequests()).isEqualTo(properties.maxCreateRequests());
            assertThat(organizations.callsOf("CreateAccount"))
                    .isEqualTo(properties.maxCreateRequests().longValue());
            assertThat(publisher.published()).containsExactly("enrollment.failed enr-acme-prod");
        }

        @Test
        void looksForTheOtherRequestAfterAConcurrentModification() {
            SystemAccount creating = creating("acme-prod");
            organizations.reportsCreation("FAILED", null, "CONCURRENT_ACCOUNT_MODIFICATION");

            SystemAccount after = step(creating);

            assertThat(after.state()).isEqualTo(SystemAccountState.REQUESTING);
        }

        @Test
        void adoptsTheAccountWhoseEmailExistedWhenItIsOurs() {
            SystemAccount creating = creating("acme-prod");
            organizations
                    .reportsCreation("FAILED", null, "EMAIL_ALREADY_EXISTS")
                    .hasAccountWithEmail("210987654321", creating.email(), AccountTags.of(creating.key(), TENANT));

            SystemAccount after = step(creating);

            assertThat(after.state()).isEqualTo(SystemAccountState.READY);
            assertThat(after.accountId()).isEqualTo("210987654321");
        }

        @Test
        void failsWhenTheEmailExistsButNoAccountCanBeFound() {
            SystemAccount creating = creating("acme-prod");
            organizations.reportsCreation("FAILED", null, "EMAIL_ALREADY_EXISTS");

            SystemAccount after = step(creating);

            assertThat(after.state()).isEqualTo(SystemAccountState.FAILED);
            assertThat(after.failureReason()).isEqualTo("EMAIL_ALREADY_EXISTS");
        }

        @Test
        void failsForAReasonOnlyAnOperatorCanFix() {
            SystemAccount creating = creating("acme-prod");
            organizations.reportsCreation("FAILED", null, "ACCOUNT_LIMIT_EXCEEDED");

            SystemAccount after = step(creating);

            assertThat(after.state()).isEqualTo(SystemAccountState.FAILED);
            assertThat(after.failureMessage()).isEqualTo("CreateAccount failed: ACCOUNT_LIMIT_EXCEEDED");
            assertThat(publisher.published()).containsExactly("enrollment.failed enr-acme-prod");
        }

        private SystemAccount failedInternally(SystemAccount queued) {
            SystemAccount creating = step(queued);
            organizations.reportsCreation("FAILED", null, "INTERNAL_FAILURE");
            return step(creating);
        }
    }

    @Nested
    class Configuring {

        @Test
        void retriesWhileTheNewAccountsRoleIsNotYetAssumable() {
            SystemAccount configuring = configuringRefusedWith(accessDenied());

            assertThat(configuring.state()).isEqualTo(SystemAccountState.CONFIGURING);
            assertThat(configuring.attempts()).isEqualTo(1);

            organizations.makesUsable();
            SystemAccount after = step(configuring);

            assertThat(after.state()).isEqualTo(SystemAccountState.READY);
            assertThat(publisher.published()).containsExactly("account.ready enr-acme-prod");
        }

        @Test
        void failsOnceTheRoleStaysUnassumableLongerThanAllowed() {
            SystemAccount configuring = configuringRefusedWith(accessDenied());
            clock.advance(properties.roleAssumableTimeout().plusSeconds(1));

            SystemAccount after = step(configuring);

            assertThat(after.state()).isEqualTo(SystemAccountState.FAILED);
            assertThat(after.failureReason()).isEqualTo("ACCOUNT_NOT_USABLE");
        }

        @Test
        void failsAtOnceOnAnErrorThatRetryingCannotFix() {
            SystemAccount after = configuringRefusedWith(malformedPolicy());

            assertThat(after.state()).isEqualTo(SystemAccountState.FAILED);
            assertThat(after.failureMessage()).startsWith("MalformedPolicyDocument");
        }

        private SystemAccount configuringRefusedWith(AwsCallException fault) {
            SystemAccount creating = creating("acme-prod");
            organizations.reportsCreation("SUCCEEDED", "123456789012", null).refusesToMakeUsable(fault);
            return step(creating);
        }
    }

    /** A settled account publishes to whoever still waits, once, and then leaves the work list. */
    @Nested
    class Settled {

        @Test
        void answersEnrollmentsThatArrivedWhileTheAccountWasBeingCreated() {
            SystemAccount creating = creating("acme-prod");
            waiting(creating.key(), "enr-second");
            organizations.reportsCreation("SUCCEEDED", "123456789012", null);

            step(creating);

            assertThat(publisher.published())
                    .containsExactlyInAnyOrder("account.ready enr-acme-prod", "account.ready enr-second");
        }

        @Test
        void publishesNothingAgainForEnrollmentsAlreadyAnswered() {
            SystemAccount ready = ready("acme-prod");
            accounts.markWork(ready);

            step(ready);

            assertThat(publisher.published()).containsExactly("account.ready enr-acme-prod");
            assertThat(accounts.onWorkList(ready)).isFalse();
        }

        @Test
        void staysOnTheWorkListWhileAnotherPublisherHoldsTheLease() {
            SystemAccount creating = creating("acme-prod");
            enrollments.leasedElsewhere(creating.key(), "enr-acme-prod", START.plusSeconds(10));
            organizations.reportsCreation("SUCCEEDED", "123456789012", null);

            SystemAccount ready = step(creating);

            assertThat(publisher.published()).isEmpty();
            assertThat(accounts.onWorkList(ready)).isTrue();

            clock.advance(Duration.ofSeconds(11));
            step(ready);

            assertThat(publisher.published()).containsExactly("account.ready enr-acme-prod");
            assertThat(accounts.onWorkList(ready)).isFalse();
        }
    }

    private SystemAccount claimed(String cloudAccountId) {
        CloudAccountKey key = new CloudAccountKey(CloudProvider.GCP, cloudAccountId);
        SystemAccount claim = SystemAccount.claim(
                new SystemAccount.CloudAccount(key, TENANT, "eu-west-1", 2),
                new SystemAccount.AccountRequest(
                        "aws+acme-gcp-" + cloudAccountId + "@example.com",
                        "crosspatch acme gcp " + cloudAccountId,
                        "enr-" + cloudAccountId),
                clock.instant());
        assertThat(accounts.claim(claim)).isTrue();
        accounts.markWork(claim);
        waiting(key, "enr-" + cloudAccountId);
        return claim;
    }

    private void waiting(CloudAccountKey key, String enrollmentId) {
        enrollments.recordIfAbsent(
                new WaitingEnrollment(key, enrollmentId, PassedOnIdentity.of(new byte[] {1}), clock.instant(), null));
    }

    /** What a crash right after sending CreateAccount leaves behind. */
    private SystemAccount requesting(String cloudAccountId) {
        SystemAccount requesting = claimed(cloudAccountId).requesting(clock.instant());
        assertThat(accounts.transition(requesting)).isTrue();
        return requesting;
    }

    private SystemAccount creating(String cloudAccountId) {
        organizations.acceptsCreation("car-" + cloudAccountId);
        SystemAccount creating = step(claimed(cloudAccountId));
        assertThat(creating.state()).isEqualTo(SystemAccountState.CREATING);
        return creating;
    }

    private SystemAccount ready(String cloudAccountId) {
        SystemAccount creating = creating(cloudAccountId);
        organizations.reportsCreation("SUCCEEDED", "123456789012", null);
        SystemAccount ready = step(creating);
        assertThat(ready.state()).isEqualTo(SystemAccountState.READY);
        return ready;
    }

    /** One step of the stored account, with a creation slot free; answers the stored result. */
    private SystemAccount step(SystemAccount account) {
        workflow.advance(accounts.stored(account.key()), true);
        return accounts.stored(account.key());
    }

    /** The defaults, with a CreateAccount burst that outlasts the retries of one account. */
    private static VendingProperties defaults() {
        int createAccountBurst = 8;
        return new VendingProperties(
                null,
                null,
                null,
                null,
                null,
                null,
                createAccountBurst,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
