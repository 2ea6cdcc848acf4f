package io.crosspatch.patching.desiredstate.domain;

/** An account asked for more custom patch groups than fit in SSM's quotas (50 baselines, 50 windows). */
public class PatchGroupQuotaExceededException extends RuntimeException {

    public PatchGroupQuotaExceededException(String message) {
        super(message);
    }
}
