package io.crosspatch.account.vending.application;

import io.crosspatch.account.vending.domain.SystemAccountClosure;
import java.util.List;

/**
 * The released system accounts and their closures, by work-list bucket. Only the owner of a bucket writes a closure
 * after it was opened, so plain upserts suffice; opening is conditional so a redelivered release changes nothing.
 */
public interface AccountClosures {

    /** Records a released account unless it is recorded already; true when this call recorded it. */
    boolean open(SystemAccountClosure closure);

    void save(SystemAccountClosure closure);

    /** The closures of one bucket, closed ones included. */
    List<SystemAccountClosure> inBucket(int bucket);
}
