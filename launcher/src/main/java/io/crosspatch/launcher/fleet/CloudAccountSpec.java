package io.crosspatch.launcher.fleet;

import org.jspecify.annotations.Nullable;

/**
 * One demo cloud account: whose it is, on which cloud, where its VMs run ({@code location}: a GCP zone, Azure
 * region, EC2 region; unused for VMware) and the AWS region whose SSM manages them.
 */
public record CloudAccountSpec(
        String tenantId,
        String provider,
        String cloudAccountId,
        String displayName,
        @Nullable String location,
        String awsRegion) {

    /** {@code <provider>:<cloudAccountId>}, the key the services use. */
    public String key() {
        return provider + ":" + cloudAccountId;
    }
}
