/**
 * The fault drills of issue #9, each on a fresh local platform and each ending in the {@link
 * io.crosspatch.bench.drill.ExactlyOnceAudit}: a fleet enrolls (the storm) while a fault lands, the simulated clock
 * then runs a month of maintenance windows (the sweep), and the audit asserts every VM REGISTERED, one system
 * account per cloud account, one used activation and one managed node per enrollment, reporting equal to the
 * simulator's ground truth for every node and every node's {@code patch.results} on the topic.
 *
 * <table>
 * <caption>drills</caption>
 * <tr><th>group</th><th>drill</th><th>fault</th></tr>
 * <tr><td>kill</td><td>kill-&lt;service&gt;</td><td>SIGKILL of the service mid-storm, 5 s down, restarted</td></tr>
 * <tr><td>kafka</td><td>kafka-restart</td><td>broker stopped and started mid-storm; SIGKILLed and started mid-sweep</td></tr>
 * <tr><td>cassandra</td><td>cassandra-restart</td><td>the same for Cassandra (commitlog periodic 10 s)</td></tr>
 * <tr><td>faults</td><td>aws-throttling-and-5xx</td><td>10% of AWS calls throttled, 2% failed with 5xx, throughout</td></tr>
 * <tr><td>poison</td><td>poison-records</td><td>three undeserializable records on each topic before the storm; each
 * must reach {@code <topic>.DLT} once per consuming group</td></tr>
 * </table>
 *
 * <p>Run with {@code bench/run-drills.sh [--vms 400] [--accounts 12] [--fault-after-seconds 8] [--only kill,kafka]};
 * the report goes to {@code bench/reports/drills-<UTC timestamp>/}, and the command exits 1 with a loud last line
 * when any check failed.
 */
package io.crosspatch.bench.drill;
