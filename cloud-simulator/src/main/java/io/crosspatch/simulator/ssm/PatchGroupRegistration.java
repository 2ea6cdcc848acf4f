package io.crosspatch.simulator.ssm;

/** RegisterPatchBaselineForPatchGroup's result: for nodes of this OS in this patch group, this baseline applies. */
public record PatchGroupRegistration(String patchGroup, OperatingSystem operatingSystem, String baselineId) {}
