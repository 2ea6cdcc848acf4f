package io.crosspatch.schemas.topics;

import io.crosspatch.events.AccountConfigured;
import io.crosspatch.events.AccountOffboarded;
import io.crosspatch.events.AccountReady;
import io.crosspatch.events.AccountReleased;
import io.crosspatch.events.EnrollmentFailed;
import io.crosspatch.events.EnrollmentRequested;
import io.crosspatch.events.IdentityVerified;
import io.crosspatch.events.InstanceActivated;
import io.crosspatch.events.InstanceInventory;
import io.crosspatch.events.InstanceRetired;
import io.crosspatch.events.InstanceRetirementRequested;
import io.crosspatch.events.PatchResult;
import io.crosspatch.schemas.topics.TopicDefinition.KeyMeaning;
import java.util.List;
import java.util.Optional;

/**
 * The topic catalogue (docs/architecture.md lists them): the enrollment flow, the verifier's retry topic and the
 * topics of the fleet's life after enrollment, each with one writer. Immutable constants only, so no service can
 * change what another one sees.
 */
public final class Topics {

    /** Default partition count: the most instances of one consuming service that can share a topic. */
    public static final int DEFAULT_PARTITIONS = 6;

    /** A VM asked to enroll. Written by the identity-service ingress, read by its verifier. */
    public static final TopicDefinition<EnrollmentRequested> ENROLLMENT_REQUESTED = new TopicDefinition<>(
            "enrollment.requested", KeyMeaning.ENROLLMENT_ID, EnrollmentRequested.class, DEFAULT_PARTITIONS);

    /**
     * Enrollments the verifier parked because a trust source they need (an issuer's JWKS) could not be read: the
     * {@code enrollment.requested} record as it arrived, with headers saying when it is due again. Written and read by
     * the verifier only, so an issuer's outage delays its own enrollments without holding everyone's.
     */
    public static final TopicDefinition<EnrollmentRequested> ENROLLMENT_REQUESTED_RETRY = new TopicDefinition<>(
            "enrollment.requested.retry", KeyMeaning.ENROLLMENT_ID, EnrollmentRequested.class, DEFAULT_PARTITIONS);

    /** A VM's identity checked out. Written by the verifier, read by account-service and the status view. */
    public static final TopicDefinition<IdentityVerified> IDENTITY_VERIFIED = new TopicDefinition<>(
            "identity.verified", KeyMeaning.CLOUD_ACCOUNT_KEY, IdentityVerified.class, DEFAULT_PARTITIONS);

    /** The cloud account has a usable system account. Written by account-service. */
    public static final TopicDefinition<AccountReady> ACCOUNT_READY = new TopicDefinition<>(
            "account.ready", KeyMeaning.CLOUD_ACCOUNT_KEY, AccountReady.class, DEFAULT_PARTITIONS);

    /** An activation was issued, or the agent registered. Written by patching-service. */
    public static final TopicDefinition<InstanceActivated> INSTANCE_ACTIVATED = new TopicDefinition<>(
            "instance.activated", KeyMeaning.CLOUD_ACCOUNT_KEY, InstanceActivated.class, DEFAULT_PARTITIONS);

    /** An instance's patch state changed. Written by patching-service, read by reporting and other teams. */
    public static final TopicDefinition<PatchResult> PATCH_RESULTS =
            new TopicDefinition<>("patch.results", KeyMeaning.CLOUD_ACCOUNT_KEY, PatchResult.class, DEFAULT_PARTITIONS);

    /** A stage gave up on an enrollment. Written by whichever stage gives up. */
    public static final TopicDefinition<EnrollmentFailed> ENROLLMENT_FAILED = new TopicDefinition<>(
            "enrollment.failed", KeyMeaning.ENROLLMENT_ID, EnrollmentFailed.class, DEFAULT_PARTITIONS);

    /**
     * An admin asked for one instance to be retired. Written by identity-service's admin API, read by
     * patching-service, which does the retirement.
     */
    public static final TopicDefinition<InstanceRetirementRequested> INSTANCE_RETIREMENT_REQUESTED =
            new TopicDefinition<>(
                    "instance.retirement.requested",
                    KeyMeaning.CLOUD_ACCOUNT_KEY,
                    InstanceRetirementRequested.class,
                    DEFAULT_PARTITIONS);

    /**
     * An instance was retired (deregistered, its activation deleted, no longer counted). Written by
     * patching-service, read by identity-service (releases the enroll-once claim), reporting and other teams.
     */
    public static final TopicDefinition<InstanceRetired> INSTANCE_RETIRED = new TopicDefinition<>(
            "instance.retired", KeyMeaning.CLOUD_ACCOUNT_KEY, InstanceRetired.class, DEFAULT_PARTITIONS);

    /**
     * An admin offboarded a cloud account: it may enroll no more and its SSM resources are to be removed. Written by
     * the identity-service ingress (admin API), read by patching-service.
     */
    public static final TopicDefinition<AccountOffboarded> ACCOUNT_OFFBOARDED = new TopicDefinition<>(
            "account.offboarded", KeyMeaning.CLOUD_ACCOUNT_KEY, AccountOffboarded.class, DEFAULT_PARTITIONS);

    /**
     * An offboarded account's system account holds nothing of ours any more. Written by patching-service, read by
     * account-service, which closes the system account.
     */
    public static final TopicDefinition<AccountReleased> ACCOUNT_RELEASED = new TopicDefinition<>(
            "account.released", KeyMeaning.CLOUD_ACCOUNT_KEY, AccountReleased.class, DEFAULT_PARTITIONS);

    /**
     * A reconcile changed a system account's SSM configuration (a new policy version applied, or drift repaired).
     * Written by patching-service, read by reporting-service.
     */
    public static final TopicDefinition<AccountConfigured> ACCOUNT_CONFIGURED = new TopicDefinition<>(
            "account.configured", KeyMeaning.CLOUD_ACCOUNT_KEY, AccountConfigured.class, DEFAULT_PARTITIONS);

    /** An instance's software inventory changed. Written by patching-service, read by reporting and other teams. */
    public static final TopicDefinition<InstanceInventory> INSTANCE_INVENTORY = new TopicDefinition<>(
            "instance.inventory", KeyMeaning.CLOUD_ACCOUNT_KEY, InstanceInventory.class, DEFAULT_PARTITIONS);

    private static final List<TopicDefinition<?>> ALL = List.of(
            ENROLLMENT_REQUESTED,
            ENROLLMENT_REQUESTED_RETRY,
            IDENTITY_VERIFIED,
            ACCOUNT_READY,
            INSTANCE_ACTIVATED,
            PATCH_RESULTS,
            ENROLLMENT_FAILED,
            INSTANCE_RETIREMENT_REQUESTED,
            INSTANCE_RETIRED,
            ACCOUNT_OFFBOARDED,
            ACCOUNT_RELEASED,
            ACCOUNT_CONFIGURED,
            INSTANCE_INVENTORY);

    private Topics() {}

    /** Every topic of the contract, in flow order. */
    public static List<TopicDefinition<?>> all() {
        return ALL;
    }

    /** The topic with this name, if it is one of the contract's. */
    public static Optional<TopicDefinition<?>> byName(String name) {
        return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }
}
