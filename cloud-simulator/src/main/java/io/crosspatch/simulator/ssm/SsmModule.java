package io.crosspatch.simulator.ssm;

import io.crosspatch.simulator.SimulatorContext;
import io.crosspatch.simulator.SimulatorModule;
import io.crosspatch.simulator.aws.AwsOperations;
import io.crosspatch.simulator.client.SimulatorPaths;

/**
 * AWS Systems Manager as Crosspatch uses it for hybrid nodes: activations and agent registration, managed nodes,
 * tags, patch baselines and patch groups, maintenance windows with targets and tasks, associations, and the
 * activation-tier service setting with the standard tier's node quota — over the
 * JSON 1.1 protocol ({@code X-Amz-Target: AmazonSSM.<Operation>}, signing name {@code ssm}), every call scoped to the
 * caller's account and the signature's region. The patching engine builds on {@link #state()}.
 */
public final class SsmModule implements SimulatorModule {

    private final SsmState state = new SsmState();

    /** All SSM state, for the modules that run windows and report compliance, and for tests. */
    public SsmState state() {
        return state;
    }

    /** A simulated VM was deleted: the nodes whose agents ran on it stop heartbeating. */
    public void vmDeleted(String vmId) {
        state.vmDeleted(vmId);
    }

    @Override
    public void install(SimulatorContext context) {
        AwsOperations operations = context.operations();
        operations.jsonService("ssm", "AmazonSSM");
        ClientTokens clientTokens = new ClientTokens();
        new Activations(state, context.iam(), context.clock()).register(operations);
        new ManagedNodes(state).register(operations);
        new Tagging(state).register(operations);
        new Baselines(state, context.clock(), clientTokens).register(operations);
        new PatchGroups(state).register(operations);
        new MaintenanceWindows(state, context.clock(), clientTokens).register(operations);
        new WindowTargets(state, clientTokens).register(operations);
        new WindowTasks(state, clientTokens).register(operations);
        new Associations(state, context.clock()).register(operations);
        new ServiceSettings(state, context.clock()).register(operations);
        AgentRoute agents = new AgentRoute(
                new AgentRegistration(state, context.clock(), context.config()),
                state,
                context.clock(),
                context.calls());
        context.server().route(SimulatorPaths.AGENT, agents);
        context.server().route(SimulatorPaths.NODES, agents);
        context.server().route(ActivationsRoute.PATH, new ActivationsRoute(state, context.clock()));
        context.server().route(TiersRoute.PATH, new TiersRoute(state));
        context.clock().onTick(now -> state.regions().forEach(region -> region.refreshPings(now)));
    }
}
