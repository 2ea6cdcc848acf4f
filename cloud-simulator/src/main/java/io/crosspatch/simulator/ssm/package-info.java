/**
 * AWS Systems Manager, simulated for hybrid (on-premises) nodes.
 *
 * <p>How it is laid out:
 * <ul>
 * <li><b>State</b> — {@link io.crosspatch.simulator.ssm.SsmState} holds one
 *     {@link io.crosspatch.simulator.ssm.SsmRegionState} per account and region; the entities are immutable records
 *     ({@link io.crosspatch.simulator.ssm.ManagedNode}, {@link io.crosspatch.simulator.ssm.PatchBaseline},
 *     {@link io.crosspatch.simulator.ssm.MaintenanceWindow}, …). This is the contract with the patching engine and
 *     the compliance APIs: they read it through the public methods, and record window runs with
 *     {@link io.crosspatch.simulator.ssm.SsmRegionState#recordExecution}.</li>
 * <li><b>Operations</b> — one class per feature registers its JSON 1.1 operations: {@code Activations},
 *     {@code ManagedNodes}, {@code Tagging}, {@code Baselines}, {@code PatchGroups}, {@code MaintenanceWindows},
 *     {@code WindowTargets}, {@code WindowTasks}, {@code Associations}.</li>
 * <li><b>Wire helpers</b> — {@link io.crosspatch.simulator.ssm.SsmRequest} reads and validates request members,
 *     {@link io.crosspatch.simulator.ssm.SsmJson} writes responses, {@link io.crosspatch.simulator.ssm.Page}
 *     paginates, {@link io.crosspatch.simulator.ssm.SsmErrors} names SSM's error codes. New SSM operations elsewhere
 *     use them too.</li>
 * <li><b>Agents</b> — {@code AgentRegistration} and {@code AgentRoute} serve {@code /_sim/agent/register} and
 *     {@code /_sim/nodes}; {@code src/main/dist/amazon-ssm-agent} is the stand-in agent that calls them.</li>
 * <li><b>Time</b> — {@link io.crosspatch.simulator.ssm.Schedule} and
 *     {@link io.crosspatch.simulator.ssm.CronSchedule} evaluate SSM's cron, rate and at expressions.</li>
 * </ul>
 */
package io.crosspatch.simulator.ssm;
