package io.crosspatch.identity.enrollment.domain;

/** Where an enrollment stands, as the VM polling for it sees it. */
public enum EnrollmentStatus {
    PENDING,
    VERIFIED,
    ACCOUNT_READY,
    ACTIVATION_ISSUED,
    REGISTERED,
    REJECTED,
    FAILED;

    /** Whether the VM can stop polling. */
    public boolean settled() {
        return this == REGISTERED || this == REJECTED || this == FAILED;
    }
}
