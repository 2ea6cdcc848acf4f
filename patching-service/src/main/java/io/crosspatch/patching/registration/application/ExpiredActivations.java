package io.crosspatch.patching.registration.application;

import io.crosspatch.patching.activation.domain.Enrollment;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;

/** What follows when an activation expired unused: the enrollment leaves nothing behind that still counts. */
public interface ExpiredActivations {

    /** The enrollment's activation expired with no node and was deleted. */
    void expired(SystemAccountRef account, Enrollment enrollment, String activationId);
}
