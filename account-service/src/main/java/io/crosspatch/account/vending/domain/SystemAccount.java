package io.crosspatch.account.vending.domain;

import io.crosspatch.kernel.CloudAccountKey;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The system account of one customer cloud account, as account vending tracks it: one row per cloud account,
 * versioned so that every transition is a compare-and-set and two drivers can never both take the same step.
 * Immutable; each transition returns the next version.
 *
 * <p>It is told in six parts, each a small record of its own, so that no call passes a long run of positional
 * values and swapping two of them does not compile: what the claim fixed for good ({@link CloudAccount},
 * {@link AccountRequest}), where creation stands ({@link Progress}, {@link Pacing}), what AWS answered
 * ({@link AwsAccount}) and why it last did not succeed ({@link Failure}). The accessors of the single facts
 * ({@link #key()}, {@link #state()}, …) read through the parts.
 *
 * @param cloudAccount the cloud account served, fixed by the claim
 * @param request      the account asked of AWS, fixed by the claim
 * @param progress     the state and its version
 * @param pacing       the tries of the current step and when the next one is due
 * @param aws          what AWS answered so far
 * @param failure      the terminal (or last retryable) failure, {@link Failure#NONE} after a success
 */
public record SystemAccount(
        CloudAccount cloudAccount,
        AccountRequest request,
        Progress progress,
        Pacing pacing,
        AwsAccount aws,
        Failure failure) {

    public SystemAccount {
        Objects.requireNonNull(cloudAccount, "cloudAccount");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(pacing, "pacing");
        Objects.requireNonNull(aws, "aws");
        Objects.requireNonNull(failure, "failure");
    }

    /** A new claim: nothing has been sent to AWS yet. */
    public static SystemAccount claim(CloudAccount cloudAccount, AccountRequest request, Instant now) {
        return new SystemAccount(
                cloudAccount,
                request,
                new Progress(SystemAccountState.QUEUED, 0, now, now),
                new Pacing(0, 0, now),
                AwsAccount.NONE,
                Failure.NONE);
    }

    public boolean isDue(Instant now) {
        return pacing.nextAttemptAt() == null || !pacing.nextAttemptAt().isAfter(now);
    }

    /** About to send CreateAccount: from here on a crash leaves an unknown outcome. */
    public SystemAccount requesting(Instant now) {
        return new SystemAccount(
                cloudAccount,
                request,
                progress.enter(SystemAccountState.REQUESTING, now),
                pacing.dueAt(now),
                aws,
                failure);
    }

    public SystemAccount creating(String requestId, Instant now, Instant firstPoll) {
        return new SystemAccount(
                cloudAccount,
                request,
                progress.enter(SystemAccountState.CREATING, now),
                pacing.succeeded(pacing.createRequests() + 1, firstPoll),
                aws.withCreateRequestId(requestId),
                Failure.NONE);
    }

    /** The request (or the account) was found after an unknown outcome: follow it without counting a new request. */
    public SystemAccount adoptedRequest(String requestId, Instant now) {
        return new SystemAccount(
                cloudAccount,
                request,
                progress.enter(SystemAccountState.CREATING, now),
                pacing.succeeded(Math.max(1, pacing.createRequests()), now),
                aws.withCreateRequestId(requestId),
                Failure.NONE);
    }

    public SystemAccount created(String newAccountId, Instant now) {
        return new SystemAccount(
                cloudAccount,
                request,
                progress.enter(SystemAccountState.CONFIGURING, now),
                pacing.succeeded(Math.max(1, pacing.createRequests()), now),
                aws.withAccountId(newAccountId),
                Failure.NONE);
    }

    public SystemAccount ready(String assumeRoleArn, String serviceRoleName, Instant now) {
        return new SystemAccount(
                cloudAccount,
                request,
                progress.enter(SystemAccountState.READY, now),
                pacing.succeeded(pacing.createRequests(), now),
                aws.withRoles(assumeRoleArn, serviceRoleName),
                Failure.NONE);
    }

    public SystemAccount failed(@Nullable String reason, @Nullable String message, Instant now) {
        return new SystemAccount(
                cloudAccount,
                request,
                progress.enter(SystemAccountState.FAILED, now),
                pacing.dueAt(now),
                aws,
                new Failure(reason, message));
    }

    /** The step did not succeed but may later: go to {@code next} and try again at {@code retryAt}. */
    public SystemAccount retry(
            SystemAccountState next, @Nullable String reason, @Nullable String message, Instant retryAt, Instant now) {
        return new SystemAccount(
                cloudAccount,
                request,
                progress.moveTo(next, now),
                pacing.triedAgain(retryAt),
                next == SystemAccountState.QUEUED ? aws.withCreateRequestId(null) : aws,
                new Failure(reason, message));
    }

    /** Nothing changed but time: look again at {@code nextTry} (e.g. a creation still in progress). */
    public SystemAccount pollAgain(Instant nextTry, Instant now) {
        return new SystemAccount(
                cloudAccount,
                request,
                progress.moveTo(progress.state(), now),
                pacing.triedAgain(nextTry),
                aws,
                failure);
    }

    public CloudAccountKey key() {
        return cloudAccount.key();
    }

    public String tenantId() {
        return cloudAccount.tenantId();
    }

    public String region() {
        return cloudAccount.region();
    }

    public int bucket() {
        return cloudAccount.bucket();
    }

    public String email() {
        return request.email();
    }

    public String accountName() {
        return request.accountName();
    }

    public String creatorEnrollmentId() {
        return request.creatorEnrollmentId();
    }

    public SystemAccountState state() {
        return progress.state();
    }

    public int version() {
        return progress.version();
    }

    public Instant stateSince() {
        return progress.stateSince();
    }

    public Instant updatedAt() {
        return progress.updatedAt();
    }

    public int attempts() {
        return pacing.attempts();
    }

    public int createRequests() {
        return pacing.createRequests();
    }

    public Instant nextAttemptAt() {
        return pacing.nextAttemptAt();
    }

    public @Nullable String createRequestId() {
        return aws.createRequestId();
    }

    public @Nullable String accountId() {
        return aws.accountId();
    }

    public @Nullable String roleArn() {
        return aws.roleArn();
    }

    public @Nullable String ssmServiceRoleName() {
        return aws.ssmServiceRoleName();
    }

    public @Nullable String failureReason() {
        return failure.reason();
    }

    public @Nullable String failureMessage() {
        return failure.message();
    }

    /**
     * The cloud account a system account serves; fixed by the claim.
     *
     * @param key      the cloud account
     * @param tenantId the tenant the cloud account belongs to
     * @param region   AWS region where SSM manages the cloud account's VMs
     * @param bucket   the Kafka partition of the cloud account key: the instance that owns it drives this row
     */
    public record CloudAccount(CloudAccountKey key, String tenantId, String region, int bucket) {

        public CloudAccount {
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * The account asked of Organizations; fixed by the claim.
     *
     * @param email               the e-mail address the account is created with (unique per cloud account)
     * @param accountName         the account name it is created with
     * @param creatorEnrollmentId the enrollment whose arrival claimed the creation
     */
    public record AccountRequest(String email, String accountName, String creatorEnrollmentId) {}

    /**
     * Where creation stands.
     *
     * @param state      where creation stands
     * @param version    incremented by every transition (the compare-and-set guard)
     * @param stateSince when the current state was entered
     * @param updatedAt  when the row last changed
     */
    public record Progress(SystemAccountState state, int version, Instant stateSince, Instant updatedAt) {

        public Progress {
            Objects.requireNonNull(state, "state");
        }

        /** The next version in state {@code next}, entered now. */
        Progress enter(SystemAccountState next, Instant now) {
            return new Progress(next, version + 1, now, now);
        }

        /** The next version in state {@code next}; the state keeps its age when it does not change. */
        Progress moveTo(SystemAccountState next, Instant now) {
            return new Progress(next, version + 1, next == state ? stateSince : now, now);
        }
    }

    /**
     * How often the current step was tried and when the driver may try it next.
     *
     * @param attempts       consecutive unsuccessful tries of the current step (drives the back-off)
     * @param createRequests CreateAccount requests accepted so far (more than one only after INTERNAL_FAILURE)
     * @param nextAttemptAt  when the driver may take the next step
     */
    public record Pacing(int attempts, int createRequests, Instant nextAttemptAt) {

        /** A step succeeded: its tries are forgotten. */
        Pacing succeeded(int requests, Instant next) {
            return new Pacing(0, requests, next);
        }

        /** A step did not succeed (or found nothing new yet): one more try, at {@code next}. */
        Pacing triedAgain(Instant next) {
            return new Pacing(attempts + 1, createRequests, next);
        }

        Pacing dueAt(Instant next) {
            return new Pacing(attempts, createRequests, next);
        }
    }

    /**
     * What AWS answered so far; each part null until known.
     *
     * @param createRequestId    the CreateAccount request id
     * @param accountId          the 12-digit account id
     * @param roleArn            the role patching-service assumes, once ready
     * @param ssmServiceRoleName the IAM role hybrid activations give managed nodes
     */
    public record AwsAccount(
            @Nullable String createRequestId,
            @Nullable String accountId,
            @Nullable String roleArn,
            @Nullable String ssmServiceRoleName) {

        /** Nothing sent, nothing known. */
        public static final AwsAccount NONE = new AwsAccount(null, null, null, null);

        AwsAccount withCreateRequestId(@Nullable String requestId) {
            return new AwsAccount(requestId, accountId, roleArn, ssmServiceRoleName);
        }

        AwsAccount withAccountId(String id) {
            return new AwsAccount(createRequestId, id, roleArn, ssmServiceRoleName);
        }

        AwsAccount withRoles(String assumeRoleArn, String serviceRoleName) {
            return new AwsAccount(createRequestId, accountId, assumeRoleArn, serviceRoleName);
        }
    }

    /**
     * Why the account failed, or why its last step did not succeed.
     *
     * @param reason  the reason code, e.g. an Organizations {@code FailureReason}; null when none
     * @param message a human explanation; null when none
     */
    public record Failure(@Nullable String reason, @Nullable String message) {

        /** No failure recorded. */
        public static final Failure NONE = new Failure(null, null);
    }
}
