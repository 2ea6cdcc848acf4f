package io.crosspatch.simulator.organizations;

import io.crosspatch.simulator.aws.AwsException;
import java.util.Map;

/**
 * The Organizations errors the simulator returns, with AWS's codes, HTTP status (400 for all of them, as the
 * service model declares) and {@code Reason} values from the API reference, so the SDK throws the same exception
 * class with the same {@code reason()} as against AWS.
 */
final class OrganizationsErrors {

    private OrganizationsErrors() {}

    static AwsException invalidInput(String reason, String message) {
        return new AwsException("InvalidInputException", 400, message, Map.of("Reason", reason));
    }

    static AwsException constraintViolation(String reason, String message) {
        return new AwsException("ConstraintViolationException", 400, message, Map.of("Reason", reason));
    }

    static AwsException accessDenied() {
        return new AwsException("AccessDeniedException", 400, "You don't have permissions to access this resource.");
    }

    static AwsException accountNotFound() {
        return new AwsException("AccountNotFoundException", 400, "You specified an account that doesn't exist.");
    }

    static AwsException createAccountStatusNotFound() {
        return new AwsException(
                "CreateAccountStatusNotFoundException",
                400,
                "We can't find a create account request with the CreateAccountRequestId that you specified.");
    }

    static AwsException targetNotFound() {
        return new AwsException("TargetNotFoundException", 400, "You specified a target that doesn't exist.");
    }

    static AwsException accountAlreadyClosed() {
        return new AwsException(
                "AccountAlreadyClosedException", 400, "You attempted to close an account that is already closed.");
    }

    static AwsException conflict(String message) {
        return new AwsException("ConflictException", 400, message);
    }
}
