package io.crosspatch.patching.activation.domain;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every hybrid activation looks like. One activation per enrollment, good for exactly one registration and
 * for a short time: a leaked code can register at most one node, only until it expires, and that node is still
 * matched against its enrollment by the registration watcher (see the README's trade-off).
 *
 * @param registrationLimit registrations one activation allows (1: per-instance activations)
 * @param validity          how long a code stays usable (SSM allows at most 30 days)
 */
public record ActivationPolicy(int registrationLimit, Duration validity) {

    public static final String PATCH_GROUP_TAG = "Patch Group";
    public static final String TENANT_TAG = "crosspatch:tenant";
    public static final String PROVIDER_TAG = "crosspatch:provider";
    public static final String CLOUD_ACCOUNT_TAG = "crosspatch:cloud-account";
    public static final String INSTANCE_TAG = "crosspatch:instance";
    public static final String ENROLLMENT_TAG = "crosspatch:enrollment";
    private static final Duration MAX_VALIDITY = Duration.ofDays(30);

    public ActivationPolicy {
        if (registrationLimit < 1 || registrationLimit > 1000) {
            throw new IllegalArgumentException("registrationLimit must be 1-1000");
        }
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("an activation is valid for at most 30 days");
        }
    }

    /** The tags of the activation, which SSM copies to the node that registers with it. */
    public Map<String, String> tags(Enrollment enrollment) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(PATCH_GROUP_TAG, enrollment.patchGroup());
        tags.put(TENANT_TAG, enrollment.tenantId());
        tags.put(PROVIDER_TAG, enrollment.provider().wireName());
        tags.put(CLOUD_ACCOUNT_TAG, enrollment.cloudAccountId());
        tags.put(INSTANCE_TAG, enrollment.instanceId());
        tags.put(ENROLLMENT_TAG, enrollment.enrollmentId());
        return tags;
    }
}
