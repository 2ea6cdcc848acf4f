package io.crosspatch.patching.systemaccount.domain;

import java.util.Optional;

/**
 * A managed node that matched an enrollment, with the enrollment's identity (so compliance collection reads one
 * partition per account, not one row per node) and what was last published about it: the marker of the patch
 * operation its details were read for, the fingerprint of the last published state, and that state itself.
 */
public record EnrolledNode(String managedInstanceId, String enrollmentId, String tenantId, String provider,
        String cloudAccountId, String cloudAccountName, String instanceId, String hostname, String operatingSystem,
        String patchGroup, Optional<String> operationMarker, Optional<String> fingerprint, Optional<byte[]> lastResult) {
}
