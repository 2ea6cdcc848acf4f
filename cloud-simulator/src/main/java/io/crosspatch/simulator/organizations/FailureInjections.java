package io.crosspatch.simulator.organizations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Account creations a test wants to fail ({@code POST /_sim/organizations/failures}): the next {@code count}
 * CreateAccount requests — for one e-mail address, or any — end FAILED with the given reason. Failures aimed
 * at an e-mail address are used before untargeted ones, so a test that targets its own address is not disturbed
 * by another's blanket injection.
 */
final class FailureInjections {

    /** The documented CreateAccountFailureReason values. */
    static final Set<String> REASONS = Set.of(
            "ACCOUNT_LIMIT_EXCEEDED",
            "EMAIL_ALREADY_EXISTS",
            "INVALID_ADDRESS",
            "INVALID_EMAIL",
            "CONCURRENT_ACCOUNT_MODIFICATION",
            "INTERNAL_FAILURE",
            "GOVCLOUD_ACCOUNT_ALREADY_EXISTS",
            "MISSING_BUSINESS_VALIDATION",
            "FAILED_BUSINESS_VALIDATION",
            "PENDING_BUSINESS_VALIDATION",
            "INVALID_IDENTITY_FOR_BUSINESS_VALIDATION",
            "UNKNOWN_BUSINESS_VALIDATION",
            "MISSING_PAYMENT_INSTRUMENT",
            "INVALID_PAYMENT_INSTRUMENT",
            "UPDATE_EXISTING_RESOURCE_POLICY_WITH_TAGS_NOT_SUPPORTED");

    /** A pending injection; {@code email} null means any creation. */
    record InjectedFailure(String reason, @Nullable String email, int remaining) {}

    private final List<InjectedFailure> pending = new ArrayList<>();

    synchronized void add(String reason, int count, @Nullable String email) {
        if (!REASONS.contains(reason) || count < 1) {
            throw new IllegalArgumentException("reason must be a CreateAccountFailureReason and count at least 1");
        }
        pending.add(new InjectedFailure(reason, email, count));
    }

    /** Uses up one injection that applies to a creation for {@code email}, if any. */
    synchronized Optional<String> take(String email) {
        Optional<InjectedFailure> match = pending.stream()
                .filter(failure -> failure.email() == null || failure.email().equalsIgnoreCase(email))
                .min(Comparator.comparing(failure -> failure.email() == null));
        match.ifPresent(failure -> {
            int index = pending.indexOf(failure);
            if (failure.remaining() > 1) {
                pending.set(index, new InjectedFailure(failure.reason(), failure.email(), failure.remaining() - 1));
            } else {
                pending.remove(index);
            }
        });
        return match.map(InjectedFailure::reason);
    }

    synchronized List<InjectedFailure> pending() {
        return List.copyOf(pending);
    }

    synchronized void clear() {
        pending.clear();
    }
}
