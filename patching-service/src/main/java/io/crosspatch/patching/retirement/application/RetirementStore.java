package io.crosspatch.patching.retirement.application;

import io.crosspatch.patching.retirement.domain.Retirement;
import java.util.List;

/**
 * Where retirements are decided once: the first claim of an enrollment's retirement wins and is kept (with its
 * event id and time), so a duplicate request or a second sweep finds it, and one interrupted half-way is resumed
 * with the same event.
 */
public interface RetirementStore {

    /** Stores {@code retirement} unless the enrollment already has one; answers the one that is stored. */
    Claim claim(Retirement retirement);

    /** {@code instance.retired} for the enrollment went out and every step is done. */
    void markPublished(String systemAccountId, String enrollmentId);

    /** The account's retirements that were claimed but not finished (a crash or an outage in between). */
    List<Retirement> unfinished(String systemAccountId);

    /** The stored retirement, whether this claim stored it, and whether it was already finished. */
    record Claim(Retirement retirement, boolean claimedNow, boolean published) {}
}
