package io.crosspatch.account.vending.application;

import java.util.Set;

/**
 * The work-list buckets this instance drives: the {@code identity.verified} partitions assigned to it, so the
 * instance that receives a cloud account's enrollments is the one that creates its account.
 */
public interface OwnedBuckets {

    Set<Integer> owned();
}
