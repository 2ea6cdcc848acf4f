package io.crosspatch.account.vending.domain;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Maps every way account creation can fail to what to do next. Two sources: the {@code FailureReason} of a
 * FAILED {@code CreateAccountStatus}, and the error a {@code CreateAccount} call itself answers with. Anything
 * not known to be safe to repeat is terminal or leads to a search first, because a second account for one
 * customer is the expensive mistake.
 */
public final class FailureClassifier {

    private static final Set<String> THROTTLING = Set.of(
            "TooManyRequestsException",
            "ThrottlingException",
            "Throttling",
            "RequestLimitExceeded",
            "ThrottledException");
    private static final Set<String> RETRYABLE_CONSTRAINTS = Set.of("ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED");
    /** Not the customer's fault and fixed by an operator without losing the request: keep it queued. */
    private static final Set<String> CONFIGURATION_ERRORS = Set.of(
            "AccessDeniedException",
            "AWSOrganizationsNotInUseException",
            "UnrecognizedClientException",
            "InvalidClientTokenId",
            "SignatureDoesNotMatch",
            "ExpiredTokenException",
            "ConcurrentModificationException");

    private FailureClassifier() {}

    /** For the {@code FailureReason} of a FAILED creation. */
    public static CreationDecision forFailureReason(String failureReason) {
        if (failureReason == null) {
            return CreationDecision.TERMINAL;
        }
        return switch (failureReason) {
            case "INTERNAL_FAILURE" -> CreationDecision.CREATE_AGAIN;
            case "CONCURRENT_ACCOUNT_MODIFICATION" -> CreationDecision.FIND_EXISTING;
            case "EMAIL_ALREADY_EXISTS" -> CreationDecision.ADOPT_IF_OURS;
            default -> CreationDecision.TERMINAL;
        };
    }

    /**
     * For the error a CreateAccount call answered with.
     *
     * @param errorCode   the AWS error code, or null when no answer arrived (I/O error, timeout)
     * @param reason      the {@code Reason} of a {@code ConstraintViolationException} or {@code InvalidInputException}
     * @param statusCode  the HTTP status, 0 when no answer arrived
     */
    public static CreationDecision forCreateAccountError(
            @Nullable String errorCode, @Nullable String reason, int statusCode) {
        if (errorCode == null || statusCode == 0 || statusCode >= 500) {
            return CreationDecision.FIND_EXISTING;
        }
        if (THROTTLING.contains(errorCode) || CONFIGURATION_ERRORS.contains(errorCode)) {
            return CreationDecision.RETRY_LATER;
        }
        if (errorCode.equals("ConstraintViolationException")) {
            // Set.of(...).contains(null) throws: a violation without a reason is not a retryable one.
            return reason != null && RETRYABLE_CONSTRAINTS.contains(reason)
                    ? CreationDecision.RETRY_LATER
                    : CreationDecision.TERMINAL;
        }
        if (errorCode.equals("ServiceException")) {
            return CreationDecision.FIND_EXISTING;
        }
        return CreationDecision.TERMINAL;
    }

    /** For errors of calls that change nothing (describe, list, assume-role, idempotent IAM calls): retry unless bad input. */
    public static boolean isRetryableReadError(@Nullable String errorCode, int statusCode) {
        return errorCode == null
                || statusCode == 0
                || statusCode >= 500
                || statusCode == 429
                || THROTTLING.contains(errorCode)
                || CONFIGURATION_ERRORS.contains(errorCode)
                || errorCode.equals("AccessDenied");
    }

    /** The reason code published for a terminal CreateAccount error: its {@code Reason}, else the error code. */
    public static @Nullable String reasonCode(@Nullable String errorCode, @Nullable String reason) {
        return reason != null && !reason.isBlank() ? reason : errorCode;
    }
}
