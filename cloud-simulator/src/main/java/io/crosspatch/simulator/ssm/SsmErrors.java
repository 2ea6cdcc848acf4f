package io.crosspatch.simulator.ssm;

import io.crosspatch.simulator.aws.AwsException;
import org.jspecify.annotations.Nullable;

/**
 * SSM's error codes, each the name of an error shape of the SSM model so the SDK throws the matching exception class
 * ({@code DoesNotExistException}, {@code InvalidResourceIdException}, …). All are client errors, HTTP 400.
 */
public final class SsmErrors {

    private SsmErrors() {}

    public static AwsException of(String code, String message) {
        return new AwsException(code, 400, message);
    }

    public static AwsException validation(String message) {
        return AwsException.validation(message);
    }

    /**
     * A broken parameter constraint, worded as AWS words it: {@code 1 validation error detected: Value '0' at
     * 'registrationLimit' failed to satisfy constraint: Member must have value greater than or equal to 1}.
     */
    public static AwsException constraint(@Nullable Object value, String path, String constraint) {
        return validation("1 validation error detected: Value " + (value == null ? "null" : "'" + value + "'") + " at '"
                + path + "' failed to satisfy constraint: " + constraint);
    }

    public static AwsException doesNotExist(String message) {
        return of("DoesNotExistException", message);
    }

    public static AwsException resourceLimitExceeded(String message) {
        return of("ResourceLimitExceededException", message);
    }

    public static AwsException invalidResourceId(String message) {
        return of("InvalidResourceId", message);
    }

    public static AwsException invalidInstanceId(String message) {
        return of("InvalidInstanceId", message);
    }

    public static AwsException invalidNextToken() {
        return of("InvalidNextToken", "The specified token isn't valid.");
    }

    public static AwsException idempotentParameterMismatch() {
        return of("IdempotentParameterMismatch", "The client token was used before with different parameters.");
    }
}
