package io.crosspatch.simulator.ssm.patching;

import io.crosspatch.simulator.SimulatorContext;
import io.crosspatch.simulator.SimulatorModule;
import io.crosspatch.simulator.ssm.SsmModule;
import java.util.Random;

/**
 * What Patch Manager does by itself: opens maintenance windows on the simulated clock, runs
 * AWS-RunPatchBaseline (from windows and from State Manager associations) against a deterministic per-OS patch
 * catalogue, and reports compliance through the SSM APIs. The catalogue's release dates are anchored at the
 * simulator's start, so patch ages — and with them what early, on-time and late baselines approve — follow
 * the simulated clock.
 */
public final class PatchingModule implements SimulatorModule {

    private final SsmModule ssm;

    public PatchingModule(SsmModule ssm) {
        this.ssm = ssm;
    }

    @Override
    public void install(SimulatorContext context) {
        PatchCatalogue catalogue =
                new PatchCatalogue(context.clock().instant(), context.config().seed());
        PatchStates states = new PatchStates(catalogue);
        Random random = new Random(context.config().seed());
        PatchRun patchRun = new PatchRun(catalogue, context.config().patchInstallFailureProbability(), () -> {
            synchronized (random) {
                return random.nextDouble();
            }
        });
        WindowRunner windows = new WindowRunner(ssm.state(), states, patchRun);
        AssociationRunner associations = new AssociationRunner(ssm.state(), windows);
        new ComplianceApi(ssm.state(), states).register(context.operations());
        PatchingControlRoute control = new PatchingControlRoute(ssm.state(), states, windows, context.clock());
        context.server().route(PatchingControlRoute.WINDOWS_PATH, control);
        context.server().route(PatchingControlRoute.STATES_PATH, control);
        context.clock().onTick(now -> {
            windows.runDue(now);
            associations.runDue(now);
        });
    }
}
