package io.crosspatch.reporting.compliance.application;

/** The provider instance id exists in several cloud accounts of the tenant; the caller must name one. */
public class AmbiguousInstanceException extends RuntimeException {

    public AmbiguousInstanceException(String instanceId, int matches) {
        super("instance id " + instanceId + " exists in " + matches
                + " cloud accounts of this tenant; add provider and cloudAccountId");
    }
}
