package io.crosspatch.patching.retirement.application;

import io.crosspatch.patching.retirement.domain.Retirement;

/** Publishes {@code instance.retired}, returning once the broker acknowledged it. */
public interface RetirementEvents {

    void retired(Retirement retirement);
}
