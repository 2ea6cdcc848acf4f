package io.crosspatch.simulator.identity;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A VM the simulator pretends to run on one of the clouds: what its metadata service knows about it and signs.
 * {@code facts} holds the provider-specific details chosen at creation (an EC2 image id, a GCP project number),
 * so one record serves the four providers.
 *
 * @param vmId the simulator's own id, used in its URLs
 * @param accountId GCP project id, Azure subscription id, AWS account id or vCenter/org id
 * @param instanceId the provider's instance id (GCP numeric id, Azure vmId, EC2 {@code i-…}, VMware instance UUID)
 * @param location GCP zone, Azure location or AWS region; {@code null} for VMware
 */
public record SimulatedVm(
        String vmId,
        Provider provider,
        String accountId,
        String instanceId,
        String instanceName,
        @Nullable String location,
        String osFamily,
        String osVersion,
        Instant createdAt,
        Map<String, String> labels,
        Map<String, String> facts) {

    public SimulatedVm {
        labels = Map.copyOf(labels);
        facts = Map.copyOf(facts);
    }

    public String fact(String name) {
        String value = facts.get(name);
        if (value == null) {
            throw new IllegalStateException("VM " + vmId + " has no fact " + name);
        }
        return value;
    }
}
