package io.crosspatch.identity.support.memory;

import io.crosspatch.identity.verification.application.InstanceClaims;
import io.crosspatch.identity.verification.domain.InstanceKey;
import io.crosspatch.kernel.CloudProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link InstanceClaims} in memory, with the Cassandra adapter's semantics: one claim per instance key (provider,
 * account, instance, creation time) and first come, first served; an AWS instance is held by any claim on it,
 * whatever creation time it was recorded with.
 */
public final class InMemoryInstanceClaims implements InstanceClaims {

    private final Map<List<Object>, Map<Instant, Claim>> partitions = new LinkedHashMap<>();

    @Override
    public synchronized String claim(InstanceKey key, String enrollmentId, Instant now) {
        Map<Instant, Claim> partition = partitions.computeIfAbsent(
                partition(key.provider(), key.cloudAccountId(), key.instanceId()), k -> new LinkedHashMap<>());
        if (key.provider() == CloudProvider.AWS) {
            Optional<String> holder = partition.values().stream()
                    .map(Claim::enrollmentId)
                    .filter(owner -> !owner.equals(enrollmentId))
                    .findFirst();
            if (holder.isPresent()) {
                return holder.get();
            }
        }
        return partition
                .computeIfAbsent(key.createdAt(), createdAt -> new Claim(createdAt, enrollmentId, now))
                .enrollmentId();
    }

    @Override
    public synchronized List<Claim> claimsOf(CloudProvider provider, String cloudAccountId, String instanceId) {
        return new ArrayList<>(partitions
                .getOrDefault(partition(provider, cloudAccountId, instanceId), Map.of())
                .values());
    }

    @Override
    public synchronized int releaseHeldBy(
            CloudProvider provider, String cloudAccountId, String instanceId, String enrollmentId) {
        Map<Instant, Claim> partition =
                partitions.getOrDefault(partition(provider, cloudAccountId, instanceId), Map.of());
        int before = partition.size();
        partition.values().removeIf(claim -> claim.enrollmentId().equals(enrollmentId));
        return before - partition.size();
    }

    @Override
    public synchronized void release(CloudProvider provider, String cloudAccountId, String instanceId) {
        partitions.remove(partition(provider, cloudAccountId, instanceId));
    }

    private static List<Object> partition(CloudProvider provider, String cloudAccountId, String instanceId) {
        return List.of(provider, cloudAccountId, instanceId);
    }
}
