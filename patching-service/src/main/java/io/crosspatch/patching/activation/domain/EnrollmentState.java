package io.crosspatch.patching.activation.domain;

/** Where an enrollment stands in patching-service. */
public enum EnrollmentState {
    /** Taken on; its activation may or may not exist yet (a crash in between leaves it here, and it is retried). */
    CLAIMED,
    /** The activation exists and its encrypted code is stored. */
    ISSUED,
    /** The node registered with it. */
    REGISTERED,
    /** Given up on, with enrollment.failed published. */
    FAILED,
    /** Retired: its node deregistered, its activation deleted, instance.retired published. */
    RETIRED
}
