package io.crosspatch.account.vending;

import io.crosspatch.events.IdentityVerified;
import io.crosspatch.events.OperatingSystem;
import io.crosspatch.events.VerifiedIdentity;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.schemas.topics.Providers;
import io.crosspatch.servicekit.architecture.UsedByComponentBenchmarks;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Small factories for the events account vending consumes. Public for {@code AccountVendingBenchmark}
 * (bench/components/account).
 */
@UsedByComponentBenchmarks
public final class Enrollments {

    private Enrollments() {}

    /** A GCP cloud account no other test uses. */
    public static CloudAccountKey anyGcpAccount(String label) {
        return new CloudAccountKey(
                CloudProvider.GCP, label + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A verified enrollment of a VM in {@code key} for tenant {@code acme}. */
    public static IdentityVerified verified(CloudAccountKey key, String enrollmentId) {
        return IdentityVerified.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setEnrollmentId(enrollmentId)
                .setIdentity(VerifiedIdentity.newBuilder()
                        .setTenantId("acme")
                        .setProvider(Providers.toAvro(key.provider()))
                        .setCloudAccountId(key.cloudAccountId())
                        .setCloudAccountName("Acme " + key.cloudAccountId())
                        .setInstanceId(UUID.randomUUID().toString())
                        .setInstanceName("vm-" + enrollmentId)
                        .setLocation("europe-west1-b")
                        .setHostname("host-" + enrollmentId)
                        .setOperatingSystem(OperatingSystem.UBUNTU)
                        .setOsVersion("22.04")
                        .setPatchGroup("early")
                        .setAwsRegion("eu-west-1")
                        .setLabels(Map.of())
                        .build())
                .build();
    }
}
