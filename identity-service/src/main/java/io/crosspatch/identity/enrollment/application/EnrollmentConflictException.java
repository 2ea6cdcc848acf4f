package io.crosspatch.identity.enrollment.application;

/**
 * A request whose enrollment id is already taken by a request with other material: not a retry. The VM must make a
 * new secret to enroll anew.
 */
public class EnrollmentConflictException extends RuntimeException {

    public EnrollmentConflictException() {
        super("this enrollment exists with other identity material; enroll again with a new secret");
    }
}
