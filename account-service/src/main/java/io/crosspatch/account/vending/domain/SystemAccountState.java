package io.crosspatch.account.vending.domain;

/**
 * Where the system account of one cloud account stands. The states between {@link #QUEUED} and {@link #READY}
 * are exactly the points a crash can interrupt, so each one says what the driver must do next after a restart.
 */
public enum SystemAccountState {
    /** Claimed for a cloud account; no CreateAccount has been sent (or the last one was refused outright). */
    QUEUED,
    /** A CreateAccount may have been sent but its request id is not recorded: look for it before sending another. */
    REQUESTING,
    /** CreateAccount accepted; its request id is recorded and DescribeCreateAccountStatus is followed. */
    CREATING,
    /** The account exists; assuming its access role and creating the SSM service role. */
    CONFIGURING,
    /** Usable: enrollments of this cloud account get {@code account.ready}. */
    READY,
    /** Gave up for a terminal reason: enrollments of this cloud account get {@code enrollment.failed}. */
    FAILED;

    /** Whether an Organizations creation counts against the creations-in-progress limit in this state. */
    public boolean holdsCreationSlot() {
        return this == REQUESTING || this == CREATING;
    }

    public boolean isFinal() {
        return this == READY || this == FAILED;
    }
}
