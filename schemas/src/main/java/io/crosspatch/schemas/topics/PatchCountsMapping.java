package io.crosspatch.schemas.topics;

import io.crosspatch.events.PatchCounts;

/**
 * The edge between the Avro {@link PatchCounts} of {@code patch.results} and the kernel's
 * {@link io.crosspatch.kernel.PatchCounts} both patching-service (which publishes them) and reporting-service (which
 * reads them) use: the two hold the same ten counts, mapped field by field here rather than in each adapter.
 */
public final class PatchCountsMapping {

    private PatchCountsMapping() {}

    public static io.crosspatch.kernel.PatchCounts fromAvro(PatchCounts counts) {
        return new io.crosspatch.kernel.PatchCounts(
                counts.getInstalled(),
                counts.getInstalledOther(),
                counts.getInstalledPendingReboot(),
                counts.getInstalledRejected(),
                counts.getMissing(),
                counts.getFailed(),
                counts.getNotApplicable(),
                counts.getCriticalNonCompliant(),
                counts.getSecurityNonCompliant(),
                counts.getOtherNonCompliant());
    }

    public static PatchCounts toAvro(io.crosspatch.kernel.PatchCounts counts) {
        return PatchCounts.newBuilder()
                .setInstalled(counts.installed())
                .setInstalledOther(counts.installedOther())
                .setInstalledPendingReboot(counts.installedPendingReboot())
                .setInstalledRejected(counts.installedRejected())
                .setMissing(counts.missing())
                .setFailed(counts.failed())
                .setNotApplicable(counts.notApplicable())
                .setCriticalNonCompliant(counts.criticalNonCompliant())
                .setSecurityNonCompliant(counts.securityNonCompliant())
                .setOtherNonCompliant(counts.otherNonCompliant())
                .build();
    }
}
