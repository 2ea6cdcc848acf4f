package io.crosspatch.account.vending.domain;

import io.crosspatch.schemas.topics.CloudAccountKey;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The system account of one customer cloud account, as account vending tracks it: one row per cloud account,
 * versioned so that every transition is a compare-and-set and two drivers can never both take the same step.
 * Immutable; each transition returns the next version.
 *
 * @param key                  the cloud account
 * @param tenantId             the tenant the cloud account belongs to
 * @param region               AWS region where SSM manages the cloud account's VMs
 * @param bucket               the Kafka partition of the cloud account key: the instance that owns it drives this row
 * @param state                where creation stands
 * @param version              incremented by every transition (the compare-and-set guard)
 * @param email                the e-mail address the account is created with (unique per cloud account)
 * @param accountName          the account name it is created with
 * @param createRequestId      the CreateAccount request id, once known
 * @param accountId            the 12-digit account id, once known
 * @param roleArn              the role patching-service assumes, once ready
 * @param ssmServiceRoleName   the IAM role hybrid activations give managed nodes
 * @param failureReason        the terminal (or last retryable) reason code
 * @param failureMessage       a human explanation of the failure
 * @param attempts             consecutive unsuccessful tries of the current step (drives the back-off)
 * @param createRequests       CreateAccount requests accepted so far (more than one only after INTERNAL_FAILURE)
 * @param nextAttemptAt        when the driver may take the next step
 * @param stateSince           when the current state was entered
 * @param creatorEnrollmentId  the enrollment whose arrival claimed the creation
 * @param updatedAt            when the row last changed
 */
public record SystemAccount(
        CloudAccountKey key, String tenantId, String region, int bucket, SystemAccountState state, int version,
        String email, String accountName, @Nullable String createRequestId, @Nullable String accountId,
        @Nullable String roleArn, @Nullable String ssmServiceRoleName, @Nullable String failureReason,
        @Nullable String failureMessage, int attempts, int createRequests, @Nullable Instant nextAttemptAt,
        Instant stateSince, String creatorEnrollmentId, Instant updatedAt) {

    public SystemAccount {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(state, "state");
    }

    /** A new claim: nothing has been sent to AWS yet. */
    public static SystemAccount claim(CloudAccountKey key, String tenantId, String region, int bucket, String email,
            String accountName, String creatorEnrollmentId, Instant now) {
        return new SystemAccount(key, tenantId, region, bucket, SystemAccountState.QUEUED, 0, email, accountName,
                null, null, null, null, null, null, 0, 0, now, now, creatorEnrollmentId, now);
    }

    public boolean isDue(Instant now) {
        return nextAttemptAt == null || !nextAttemptAt.isAfter(now);
    }

    /** About to send CreateAccount: from here on a crash leaves an unknown outcome. */
    public SystemAccount requesting(Instant now) {
        return to(SystemAccountState.REQUESTING, now, now).withAttempts(attempts);
    }

    public SystemAccount creating(String requestId, Instant now, Instant firstPoll) {
        return new SystemAccount(key, tenantId, region, bucket, SystemAccountState.CREATING, version + 1, email,
                accountName, requestId, accountId, roleArn, ssmServiceRoleName, null, null, 0, createRequests + 1,
                firstPoll, now, creatorEnrollmentId, now);
    }

    /** The request (or the account) was found after an unknown outcome: follow it without counting a new request. */
    public SystemAccount adoptedRequest(String requestId, Instant now) {
        return new SystemAccount(key, tenantId, region, bucket, SystemAccountState.CREATING, version + 1, email,
                accountName, requestId, accountId, roleArn, ssmServiceRoleName, null, null, 0,
                Math.max(1, createRequests), now, now, creatorEnrollmentId, now);
    }

    public SystemAccount created(String newAccountId, Instant now) {
        return new SystemAccount(key, tenantId, region, bucket, SystemAccountState.CONFIGURING, version + 1, email,
                accountName, createRequestId, newAccountId, roleArn, ssmServiceRoleName, null, null, 0,
                Math.max(1, createRequests), now, now, creatorEnrollmentId, now);
    }

    public SystemAccount ready(String assumeRoleArn, String serviceRoleName, Instant now) {
        return new SystemAccount(key, tenantId, region, bucket, SystemAccountState.READY, version + 1, email,
                accountName, createRequestId, accountId, assumeRoleArn, serviceRoleName, null, null, 0,
                createRequests, now, now, creatorEnrollmentId, now);
    }

    public SystemAccount failed(@Nullable String reason, @Nullable String message, Instant now) {
        return new SystemAccount(key, tenantId, region, bucket, SystemAccountState.FAILED, version + 1, email,
                accountName, createRequestId, accountId, roleArn, ssmServiceRoleName, reason, message, attempts,
                createRequests, now, now, creatorEnrollmentId, now);
    }

    /** The step did not succeed but may later: go to {@code next} and try again at {@code retryAt}. */
    public SystemAccount retry(SystemAccountState next, @Nullable String reason, @Nullable String message, Instant retryAt,
            Instant now) {
        Instant since = next == state ? stateSince : now;
        return new SystemAccount(key, tenantId, region, bucket, next, version + 1, email, accountName,
                next == SystemAccountState.QUEUED ? null : createRequestId, accountId, roleArn, ssmServiceRoleName,
                reason, message, attempts + 1, createRequests, retryAt, since, creatorEnrollmentId, now);
    }

    /** Nothing changed but time: look again at {@code nextTry} (e.g. a creation still in progress). */
    public SystemAccount pollAgain(Instant nextTry, Instant now) {
        return new SystemAccount(key, tenantId, region, bucket, state, version + 1, email, accountName,
                createRequestId, accountId, roleArn, ssmServiceRoleName, failureReason, failureMessage, attempts + 1,
                createRequests, nextTry, stateSince, creatorEnrollmentId, now);
    }

    private SystemAccount to(SystemAccountState next, Instant nextTry, Instant now) {
        return new SystemAccount(key, tenantId, region, bucket, next, version + 1, email, accountName,
                createRequestId, accountId, roleArn, ssmServiceRoleName, failureReason, failureMessage, attempts,
                createRequests, nextTry, now, creatorEnrollmentId, now);
    }

    private SystemAccount withAttempts(int value) {
        return new SystemAccount(key, tenantId, region, bucket, state, version, email, accountName, createRequestId,
                accountId, roleArn, ssmServiceRoleName, failureReason, failureMessage, value, createRequests,
                nextAttemptAt, stateSince, creatorEnrollmentId, updatedAt);
    }
}
