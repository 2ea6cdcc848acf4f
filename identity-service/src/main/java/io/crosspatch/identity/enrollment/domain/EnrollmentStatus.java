package io.crosspatch.identity.enrollment.domain;

/** Where an enrollment stands, as the VM polling for it sees it. */
public enum EnrollmentStatus {
    PENDING,
    VERIFIED,
    ACCOUNT_READY,
    ACTIVATION_ISSUED,
    REGISTERED,
    REJECTED,
    FAILED,
    /**
     * The instance was retired (deregistered from SSM, its activation deleted): the enrollment is over and the same
     * VM enrolls afresh.
     */
    RETIRED;

    /** Whether the VM can stop polling. */
    public boolean settled() {
        return this == REGISTERED || this == REJECTED || this == FAILED || this == RETIRED;
    }
}
