package io.crosspatch.account.vending.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailureClassifierTest {

    @Test
    void shouldCreateAgainAfterInternalFailure() {
        assertThat(FailureClassifier.forFailureReason("INTERNAL_FAILURE")).isEqualTo(CreationDecision.CREATE_AGAIN);
    }

    @Test
    void shouldLookForTheOtherRequestAfterConcurrentModification() {
        assertThat(FailureClassifier.forFailureReason("CONCURRENT_ACCOUNT_MODIFICATION"))
                .isEqualTo(CreationDecision.FIND_EXISTING);
    }

    @Test
    void shouldAdoptOnlyOurOwnAccountWhenEmailExists() {
        assertThat(FailureClassifier.forFailureReason("EMAIL_ALREADY_EXISTS"))
                .isEqualTo(CreationDecision.ADOPT_IF_OURS);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ACCOUNT_LIMIT_EXCEEDED",
                "INVALID_EMAIL",
                "INVALID_ADDRESS",
                "GOVCLOUD_ACCOUNT_ALREADY_EXISTS",
                "MISSING_PAYMENT_INSTRUMENT",
                "FAILED_BUSINESS_VALIDATION",
                "SOMETHING_AWS_ADDS_LATER"
            })
    void shouldTreatOtherFailureReasonsAsTerminal(String reason) {
        assertThat(FailureClassifier.forFailureReason(reason)).isEqualTo(CreationDecision.TERMINAL);
    }

    @Test
    void shouldQueueCreationsWhenOrganizationsSaysTooManyAreInProgress() {
        assertThat(FailureClassifier.forCreateAccountError(
                        "ConstraintViolationException", "ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED", 400))
                .isEqualTo(CreationDecision.RETRY_LATER);
        assertThat(FailureClassifier.forCreateAccountError("TooManyRequestsException", null, 400))
                .isEqualTo(CreationDecision.RETRY_LATER);
    }

    @Test
    void shouldFailOnOtherConstraintsAndBadInput() {
        assertThat(FailureClassifier.forCreateAccountError(
                        "ConstraintViolationException", "ACCOUNT_NUMBER_LIMIT_EXCEEDED", 400))
                .isEqualTo(CreationDecision.TERMINAL);
        assertThat(FailureClassifier.forCreateAccountError("InvalidInputException", "INVALID_PATTERN", 400))
                .isEqualTo(CreationDecision.TERMINAL);
        assertThat(FailureClassifier.reasonCode("InvalidInputException", "INVALID_PATTERN"))
                .isEqualTo("INVALID_PATTERN");
    }

    @Test
    void shouldFailOnAConstraintViolationThatGivesNoReason() {
        assertThat(FailureClassifier.forCreateAccountError("ConstraintViolationException", null, 400))
                .isEqualTo(CreationDecision.TERMINAL);
        assertThat(FailureClassifier.reasonCode("ConstraintViolationException", null))
                .isEqualTo("ConstraintViolationException");
    }

    @Test
    void shouldLookBeforeCreatingAgainWhenTheOutcomeIsUnknown() {
        assertThat(FailureClassifier.forCreateAccountError("ServiceException", null, 500))
                .isEqualTo(CreationDecision.FIND_EXISTING);
        assertThat(FailureClassifier.forCreateAccountError(null, null, 0)).isEqualTo(CreationDecision.FIND_EXISTING);
    }
}
