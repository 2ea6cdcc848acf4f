package io.crosspatch.patching.activation.application;

import io.crosspatch.patching.activation.domain.Enrollment;
import io.crosspatch.patching.activation.domain.EnrollmentFailure;
import io.crosspatch.patching.activation.domain.EnrollmentState;
import io.crosspatch.patching.activation.domain.IssuedCode;
import io.crosspatch.patching.activation.domain.SealedCode;
import io.crosspatch.patching.activation.domain.StoredEnrollment;
import io.crosspatch.patching.desiredstate.domain.DesiredState;
import io.crosspatch.patching.desiredstate.domain.ManagedOs;
import io.crosspatch.patching.desiredstate.domain.PatchGroupQuotaExceededException;
import io.crosspatch.patching.systemaccount.application.KnownAccounts;
import io.crosspatch.patching.systemaccount.application.ReleasedSystemAccounts;
import io.crosspatch.patching.systemaccount.domain.KnownAccount;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Takes a batch of ready enrollments: per system account, records the account and its custom groups, makes sure
 * its SSM holds the desired state (a reconcile only when that changed), asks {@link NodeQuotaGuard} how many
 * activations the account's SSM tier has room for (switching it to the advanced tier where configured), then issues
 * one activation per enrollment, failing those beyond the room with {@code NODE_QUOTA_REACHED}.
 * Accounts are handled side by side on one pool; the enrollments of one account are worked by at most
 * {@code perAccountConcurrency} workers of a second, shared pool (two pools, so that accounts waiting for their
 * workers can never starve those workers of threads), so
 * a storm for one account proceeds in parallel under that account's request budget while other accounts proceed
 * beside it. Each enrollment is claimed once in Cassandra: a redelivered one is skipped, or only republished when
 * its activation was issued but the event not yet acknowledged.
 *
 * <p>Everything outside the process is a port ({@link KnownAccounts}, {@link SystemAccountSetup},
 * {@link EnrollmentStore}, {@link ActivationIssuer}, {@link ActivationCodeSealer}, {@link EnrollmentEvents}), so
 * these rules are tested in milliseconds against in-memory adapters as well as end to end.
 */
@Service
public class EnrollmentIntake {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentIntake.class);

    private final KnownAccounts accounts;
    private final ReleasedSystemAccounts released;
    private final SystemAccountSetup setup;
    private final DesiredState desiredState;
    private final EnrollmentStore enrollments;
    private final ActivationIssuer activations;
    private final ActivationCodeSealer sealer;
    private final EnrollmentEvents events;
    private final NodeQuotaGuard quota;
    private final ExecutorService accountsPool;
    private final ExecutorService workers;
    private final int perAccountConcurrency;
    private final Clock clock;

    public EnrollmentIntake(
            KnownAccounts accounts,
            ReleasedSystemAccounts released,
            SystemAccountSetup setup,
            DesiredState desiredState,
            EnrollmentStore enrollments,
            ActivationIssuer activations,
            ActivationCodeSealer sealer,
            EnrollmentEvents events,
            NodeQuotaGuard quota,
            @Qualifier("activationAccounts") ExecutorService accountsPool,
            @Qualifier("activationWorkers") ExecutorService workers,
            ActivationProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.released = released;
        this.setup = setup;
        this.desiredState = desiredState;
        this.enrollments = enrollments;
        this.activations = activations;
        this.sealer = sealer;
        this.events = events;
        this.quota = quota;
        this.accountsPool = accountsPool;
        this.workers = workers;
        this.perAccountConcurrency = properties.perAccountConcurrency();
        this.clock = clock;
    }

    /**
     * Handles every enrollment of the batch; throws {@link EnrollmentsNotAcceptedException} naming those that must
     * be redelivered after all the others were handled.
     */
    public void accept(List<Enrollment> batch) {
        Map<String, List<Enrollment>> byAccount = new LinkedHashMap<>();
        batch.forEach(e -> byAccount
                .computeIfAbsent(e.account().accountId(), id -> new ArrayList<>())
                .add(e));
        Set<String> unhandled = ConcurrentHashMap.newKeySet();
        List<Throwable> causes = new ArrayList<>();
        List<CompletableFuture<Void>> accountsDone = new ArrayList<>();
        for (List<Enrollment> ofAccount : byAccount.values()) {
            accountsDone.add(CompletableFuture.runAsync(
                            () -> acceptForAccount(ofAccount, unhandled, causes), accountsPool)
                    .exceptionally(error -> {
                        ofAccount.forEach(e -> unhandled.add(e.enrollmentId()));
                        remember(causes, error);
                        return null;
                    }));
        }
        CompletableFuture.allOf(accountsDone.toArray(CompletableFuture[]::new)).join();
        if (!unhandled.isEmpty()) {
            throw new EnrollmentsNotAcceptedException(
                    unhandled, causes.isEmpty() ? new IllegalStateException("unknown") : causes.get(0));
        }
    }

    private void acceptForAccount(List<Enrollment> ofAccount, Set<String> unhandled, List<Throwable> causes) {
        SystemAccountRef account = ofAccount.get(0).account();
        if (released.isReleased(account.accountId())) {
            ofAccount.forEach(enrollment -> fail(
                    enrollment,
                    EnrollmentFailure.activation(
                            "ACCOUNT_OFFBOARDED",
                            "the cloud account was offboarded; its system account issues no activation",
                            false)));
            return;
        }
        List<Enrollment> valid = new ArrayList<>();
        Set<String> acceptedCustomGroups = new HashSet<>(accounts.find(account.accountId())
                .map(KnownAccount::customGroups)
                .orElse(Set.of()));
        for (Enrollment enrollment : ofAccount) {
            EnrollmentFailure problem = problem(enrollment, acceptedCustomGroups);
            if (problem == null) {
                valid.add(enrollment);
            } else {
                fail(enrollment, problem);
            }
        }
        if (valid.isEmpty()) {
            return;
        }
        KnownAccount known = accounts.remember(
                account, valid.get(0).cloudAccountKey(), valid.get(0).tenantId(), acceptedCustomGroups);
        setup.ensureConfigured(known);
        AtomicInteger room = new AtomicInteger(quota.room(account, valid.size()));
        Queue<Enrollment> queue = new ConcurrentLinkedQueue<>(valid);
        List<CompletableFuture<Void>> lanes = new ArrayList<>();
        for (int i = 0; i < Math.min(perAccountConcurrency, valid.size()); i++) {
            lanes.add(CompletableFuture.runAsync(
                    () -> {
                        Enrollment next;
                        while ((next = queue.poll()) != null) {
                            try {
                                issue(next, room);
                            } catch (RuntimeException e) {
                                log.warn(
                                        "enrollment {} not handled, to be redelivered: {}",
                                        next.enrollmentId(),
                                        e.toString());
                                unhandled.add(next.enrollmentId());
                                remember(causes, e);
                            }
                        }
                    },
                    workers));
        }
        CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new)).join();
    }

    /** Why an enrollment cannot be enrolled at all; adds an acceptable new custom group to {@code customGroups}. */
    private @Nullable EnrollmentFailure problem(Enrollment enrollment, Set<String> customGroups) {
        if (ManagedOs.of(enrollment.operatingSystem()).isEmpty()) {
            return EnrollmentFailure.activation(
                    "UNSUPPORTED_OPERATING_SYSTEM",
                    "Crosspatch does not patch " + enrollment.operatingSystem() + " through SSM",
                    false);
        }
        String group = enrollment.patchGroup();
        if (desiredState.isStandardGroup(group) || customGroups.contains(group)) {
            return null;
        }
        if (!DesiredState.isValidGroupName(group)) {
            return EnrollmentFailure.activation(
                    "INVALID_PATCH_GROUP",
                    "patch group names are 1-40 lower-case letters, " + "digits and dashes",
                    false);
        }
        Set<String> withGroup = new HashSet<>(customGroups);
        withGroup.add(group);
        try {
            desiredState.planFor(withGroup);
        } catch (PatchGroupQuotaExceededException e) {
            return EnrollmentFailure.activation("PATCH_GROUP_QUOTA_EXCEEDED", String.valueOf(e.getMessage()), false);
        }
        customGroups.add(group);
        return null;
    }

    private void issue(Enrollment enrollment, AtomicInteger room) {
        MDC.put("enrollmentId", enrollment.enrollmentId());
        MDC.put("cloudAccountKey", enrollment.cloudAccountKey().toString());
        try {
            if (!enrollments.claim(enrollment, clock.instant())) {
                resume(enrollment, room);
                return;
            }
            create(enrollment, room);
        } finally {
            MDC.remove("enrollmentId");
            MDC.remove("cloudAccountKey");
        }
    }

    /** A claimed enrollment seen again: finish what a crash interrupted, or note the duplicate. */
    private void resume(Enrollment enrollment, AtomicInteger room) {
        StoredEnrollment stored = enrollments
                .find(enrollment.enrollmentId(), enrollment.account())
                .orElseThrow();
        switch (stored.state()) {
            case CLAIMED -> create(enrollment, room);
            case ISSUED -> {
                if (!stored.issuedPublished()) {
                    publishIssued(
                            enrollment,
                            stored.activationId(),
                            stored.expiresAt(),
                            new SealedCode(stored.encryptedActivationCode(), stored.encryptionKeyId()));
                } else {
                    log.debug("duplicate enrollment {}: activation already issued", enrollment.enrollmentId());
                }
            }
            default -> log.debug("duplicate enrollment {} in state {}", enrollment.enrollmentId(), stored.state());
        }
    }

    /** Issues the activation if the account's node quota has room for it (the room is shared by the batch's lanes). */
    private void create(Enrollment enrollment, AtomicInteger room) {
        if (room.get() != NodeQuotaGuard.UNLIMITED && room.getAndDecrement() <= 0) {
            fail(enrollment, EnrollmentFailure.activation("NODE_QUOTA_REACHED", quota.refusal(), false));
            return;
        }
        IssuedCode issued;
        try {
            issued = activations.issue(enrollment);
        } catch (ActivationRejectedException e) {
            fail(
                    enrollment,
                    EnrollmentFailure.activation(
                            "ACTIVATION_REJECTED", "SSM refused the activation: " + e.errorCode(), false));
            return;
        }
        SealedCode sealed = sealer.seal(issued.activationCode());
        enrollments.markIssued(enrollment, issued.activationId(), sealed, issued.expiresAt());
        log.info(
                "issued activation {} for enrollment {} in system account {}",
                issued.activationId(),
                enrollment.enrollmentId(),
                enrollment.account().accountId());
        publishIssued(enrollment, issued.activationId(), issued.expiresAt(), sealed);
    }

    private void publishIssued(Enrollment enrollment, String activationId, Instant expiresAt, SealedCode code) {
        events.activationIssued(enrollment, activationId, expiresAt, code);
        enrollments.markPublished(enrollment.enrollmentId());
    }

    private void fail(Enrollment enrollment, EnrollmentFailure failure) {
        if (!enrollments.claim(enrollment, clock.instant())
                && enrollments
                        .find(enrollment.enrollmentId(), enrollment.account())
                        .filter(stored -> stored.state() == EnrollmentState.FAILED)
                        .isPresent()) {
            log.debug("duplicate enrollment {}: already failed", enrollment.enrollmentId());
            return;
        }
        log.warn(
                "enrollment {} failed at {}: {} ({})",
                enrollment.enrollmentId(),
                failure.stage(),
                failure.reasonCode(),
                failure.message());
        events.failed(enrollment, failure);
        enrollments.markFailed(enrollment.enrollmentId());
    }

    private static void remember(List<Throwable> causes, Throwable error) {
        synchronized (causes) {
            causes.add(error);
        }
    }
}
