package io.crosspatch.identity.verification.application;

import io.crosspatch.identity.challenge.application.Challenges;
import io.crosspatch.identity.challenge.domain.NonceUse;
import io.crosspatch.identity.enrollment.domain.EnrollmentRequest;
import io.crosspatch.identity.onboarding.application.CloudAccountDirectory;
import io.crosspatch.identity.onboarding.domain.CloudAccount;
import io.crosspatch.identity.verification.domain.EnrollmentPolicy;
import io.crosspatch.identity.verification.domain.IdentityRejectedException;
import io.crosspatch.identity.verification.domain.ManagedOs;
import io.crosspatch.identity.verification.domain.RejectionReason;
import io.crosspatch.identity.verification.domain.RequestedEnrollment;
import io.crosspatch.identity.verification.domain.RetryPolicy;
import io.crosspatch.identity.verification.domain.RetryTicket;
import io.crosspatch.identity.verification.domain.VerificationOutcome;
import io.crosspatch.identity.verification.domain.VerifiedClaims;
import io.crosspatch.identity.verification.domain.VerifiedEnrollment;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Decides one enrollment, in the order that spends nothing on a hopeless request and uses up single-use things
 * (an Azure nonce, a VMware jti, the instance's first enrollment) only once everything else has passed: the
 * identity's signature and claims; the cloud account's onboarding; the labels and OS; the nonce or jti; and last
 * the trust-on-first-use claim. Every step is idempotent for the same enrollment id, so a redelivered record
 * comes to the same verdict and never counts as its own replay.
 *
 * <p>A trust source that cannot be read (an issuer's JWKS down, with none of its keys known) decides nothing: the
 * enrollment is {@link VerificationOutcome.Deferred deferred} with a ticket of the {@link RetryPolicy} — to be parked
 * and verified again later, without holding anyone else's — and given up as {@code TRUST_SOURCE_UNAVAILABLE} only
 * once the policy's time is up.
 */
public class VerificationService {

    private static final Logger log = LoggerFactory.getLogger(VerificationService.class);

    private final Map<CloudProvider, ProviderVerifier> verifiers;
    private final CloudAccountDirectory accounts;
    private final Challenges challenges;
    private final TokenIds tokenIds;
    private final InstanceClaims claims;
    private final RetryPolicy retryPolicy;
    private final Clock clock;

    public VerificationService(
            List<ProviderVerifier> verifiers,
            CloudAccountDirectory accounts,
            Challenges challenges,
            TokenIds tokenIds,
            InstanceClaims claims,
            RetryPolicy retryPolicy,
            Clock clock) {
        this.verifiers = new EnumMap<>(CloudProvider.class);
        verifiers.forEach(verifier -> this.verifiers.put(verifier.provider(), verifier));
        this.accounts = accounts;
        this.challenges = challenges;
        this.tokenIds = tokenIds;
        this.claims = claims;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
    }

    /** Verifies an enrollment for the first time. */
    public VerificationOutcome verify(RequestedEnrollment requested) {
        return verify(requested, null);
    }

    /** Verifies an enrollment; {@code parked} is its ticket if it was deferred before, else null. */
    public VerificationOutcome verify(RequestedEnrollment requested, @Nullable RetryTicket parked) {
        EnrollmentRequest request = requested.request();
        Instant now = clock.instant();
        VerifiedClaims proven = null;
        CloudAccount account = null;
        try {
            if (request.provider() != request.identity().provider()) {
                throw new IdentityRejectedException(
                        RejectionReason.PROVIDER_MISMATCH,
                        "the request says " + request.provider().wireName() + " but carries a "
                                + request.identity().provider().wireName() + " identity");
            }
            ProviderVerifier verifier = verifiers.get(request.identity().provider());
            if (verifier == null) {
                throw new IllegalStateException(
                        "no verifier for " + request.identity().provider());
            }
            proven = verifier.verify(request.identity(), now);
            CloudAccountKey accountKey = proven.cloudAccountKey();
            MDC.put("cloudAccountKey", accountKey.toString());
            VerifiedClaims identity = proven;
            account = accounts.find(accountKey).orElseThrow(() -> notOnboarded(accountKey));
            VerifiedEnrollment enrollment = decide(requested, identity, account);
            useSingleUseProofs(requested.enrollmentId(), identity, now);
            claimInstance(requested.enrollmentId(), identity, now);
            log.info(
                    "enrollment {} verified: {} instance {} of tenant {}, patch group {}",
                    requested.enrollmentId(),
                    enrollment.cloudAccountKey(),
                    enrollment.instanceId(),
                    enrollment.tenantId(),
                    enrollment.patchGroup());
            return new VerificationOutcome.Verified(enrollment);
        } catch (IdentityRejectedException e) {
            log.info("enrollment {} rejected: {} ({})", requested.enrollmentId(), e.reason(), e.getMessage());
            return new VerificationOutcome.Rejected(
                    requested.enrollmentId(),
                    e.reason(),
                    e.getMessage(),
                    proven == null ? request.identity().provider() : proven.provider(),
                    proven == null ? null : proven.cloudAccountId(),
                    account == null ? null : account.tenantId());
        } catch (TrustSourceUnavailableException e) {
            return deferOrGiveUp(requested, parked, e.getMessage(), now);
        }
    }

    /** An account offboarded (and not onboarded again) is told apart, so its VMs and their admins see why. */
    private IdentityRejectedException notOnboarded(CloudAccountKey key) {
        return accounts.offboarded(key)
                .map(offboarded -> new IdentityRejectedException(
                        RejectionReason.ACCOUNT_OFFBOARDED,
                        "cloud account " + key + " was offboarded at " + offboarded.offboardedAt()))
                .orElseGet(() -> new IdentityRejectedException(
                        RejectionReason.ACCOUNT_NOT_ONBOARDED, "cloud account " + key + " is not onboarded"));
    }

    private VerificationOutcome deferOrGiveUp(
            RequestedEnrollment requested, @Nullable RetryTicket parked, @Nullable String why, Instant now) {
        Optional<RetryTicket> next =
                parked == null ? Optional.of(retryPolicy.first(now)) : retryPolicy.next(parked, now);
        if (next.isEmpty()) {
            RetryTicket last = Objects.requireNonNull(parked); // a first deferral always gets a ticket
            log.warn("enrollment {} given up: {} since {}", requested.enrollmentId(), why, last.since());
            return new VerificationOutcome.Rejected(
                    requested.enrollmentId(),
                    RejectionReason.TRUST_SOURCE_UNAVAILABLE,
                    "the identity's trust source could not be read since " + last.since() + " (" + why
                            + "); enroll again later",
                    requested.request().identity().provider(),
                    null,
                    null);
        }
        log.info(
                "enrollment {} parked until {} (attempt {}): {}",
                requested.enrollmentId(),
                next.get().due(),
                next.get().attempt(),
                why);
        return new VerificationOutcome.Deferred(requested.enrollmentId(), next.get(), why);
    }

    private static VerifiedEnrollment decide(
            RequestedEnrollment requested, VerifiedClaims identity, CloudAccount account) {
        EnrollmentRequest request = requested.request();
        Map<String, String> labels = EnrollmentPolicy.effectiveLabels(request.labels(), identity.signedLabels());
        EnrollmentPolicy.requirePatchingRequested(labels);
        ManagedOs os = EnrollmentPolicy.operatingSystem(
                request.host().osFamily(), request.host().osVersion());
        Set<String> allowed = new HashSet<>(CloudAccount.STANDARD_PATCH_GROUPS);
        allowed.addAll(account.allowedPatchGroups());
        String patchGroup = EnrollmentPolicy.patchGroup(labels, account.defaultPatchGroup(), allowed);
        return new VerifiedEnrollment(
                requested.enrollmentId(),
                account.tenantId(),
                identity.provider(),
                identity.cloudAccountId(),
                account.displayName(),
                identity.instanceId(),
                identity.instanceName(),
                identity.location(),
                request.host().hostname(),
                os,
                request.host().osVersion(),
                patchGroup,
                account.awsRegion(),
                identity.instanceCreatedAt(),
                EnrollmentPolicy.metadataLabels(labels));
    }

    private void useSingleUseProofs(String enrollmentId, VerifiedClaims identity, Instant now) {
        if (identity.nonce() != null) {
            NonceUse use = challenges.consume(identity.nonce(), enrollmentId, now);
            if (use != NonceUse.CONSUMED) {
                throw new IdentityRejectedException(
                        RejectionReason.NONCE_INVALID,
                        switch (use) {
                            case UNKNOWN -> "the nonce was never issued by this service";
                            case EXPIRED -> "the nonce has expired";
                            case REUSED -> "the nonce was already used by another enrollment";
                            case CONSUMED -> throw new IllegalStateException();
                        });
            }
        }
        if (identity.tokenId() != null
                && !tokenIds.accept(
                        identity.issuer(),
                        identity.tokenId(),
                        enrollmentId,
                        Objects.requireNonNull(identity.expiresAt()),
                        now)) {
            throw new IdentityRejectedException(
                    RejectionReason.TOKEN_REPLAYED, "this VMware token was already used by another enrollment");
        }
    }

    private void claimInstance(String enrollmentId, VerifiedClaims identity, Instant now) {
        String owner = claims.claim(identity.instanceKey(), enrollmentId, now);
        if (!owner.equals(enrollmentId)) {
            throw new IdentityRejectedException(
                    RejectionReason.ALREADY_ENROLLED,
                    "instance " + identity.instanceId()
                            + " already enrolled with another enrollment; re-enrolling it is an admin action");
        }
    }
}
