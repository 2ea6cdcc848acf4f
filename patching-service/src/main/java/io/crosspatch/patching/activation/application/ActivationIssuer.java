package io.crosspatch.patching.activation.application;

import io.crosspatch.patching.activation.domain.Enrollment;
import io.crosspatch.patching.activation.domain.IssuedCode;

/**
 * Creates the one hybrid activation of an enrollment in its system account (see {@code ActivationPolicy}). The
 * answer tells the intake what to do with an enrollment that got none: {@link ActivationRejectedException} means
 * asking again would be refused again (the enrollment fails), {@link ActivationUnavailableException} or any other
 * runtime exception that it may pass (the enrollment is redelivered).
 */
public interface ActivationIssuer {

    IssuedCode issue(Enrollment enrollment);
}
