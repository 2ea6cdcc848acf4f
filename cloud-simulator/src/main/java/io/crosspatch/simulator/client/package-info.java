/**
 * The typed client of the simulator's {@code /_sim/} control API ({@link io.crosspatch.simulator.client.SimulatorControl})
 * and the paths it shares with the simulator's routes ({@link io.crosspatch.simulator.client.SimulatorPaths}). Plain
 * JDK and Jackson, packaged on its own as the {@code client} jar of this module, so the launcher and bench can use it
 * without the simulator on their classpath.
 */
package io.crosspatch.simulator.client;
