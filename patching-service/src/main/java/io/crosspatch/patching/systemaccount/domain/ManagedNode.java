package io.crosspatch.patching.systemaccount.domain;

import java.time.Instant;

/** A managed node ({@code mi-…}) as DescribeInstanceInformation reports it. */
public record ManagedNode(
        String instanceId,
        String activationId,
        String pingStatus,
        Instant lastPingAt,
        String agentVersion,
        boolean latestAgent,
        String platformName,
        String platformVersion,
        String computerName) {}
