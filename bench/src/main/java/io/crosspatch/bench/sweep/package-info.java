/**
 * The compliance sweep (issue #9: 100,000 managed nodes across 100 accounts, from window run to dashboard) and the
 * dashboard under 100 concurrent clients during it.
 *
 * <p>Method. {@link io.crosspatch.bench.sweep.SweepBenchmark} starts its own platform, seeds the nodes through the
 * real pipeline ({@link io.crosspatch.bench.sweep.FleetSeeder}: enroll, activation, agent registration, with the
 * simulator's rate limits off — setup, not measured as the sweep), waits until reporting lists every node and
 * patch-service has published each node's first state, then opens every account's three Install windows by id
 * ({@code POST /_sim/maintenance-windows/{id}/run}; a clock advance across three Tuesdays would also run a scan
 * every 12 simulated hours on every node). From that moment {@link io.crosspatch.bench.sweep.DashboardWatcher} walks
 * the reporting API's instance lists in rounds, and the sweep is complete when every node shows the simulator's
 * ground truth ({@link io.crosspatch.bench.sweep.SsmTruth}) and every account's summary row equals the figures SSM's
 * state gives. Meanwhile {@link io.crosspatch.bench.sweep.DashboardLoad} runs the dashboard clients.
 */
package io.crosspatch.bench.sweep;
