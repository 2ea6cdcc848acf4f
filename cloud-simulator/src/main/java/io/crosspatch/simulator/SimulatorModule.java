package io.crosspatch.simulator;

/** A part of the simulator (a cloud's identity service, an AWS service) that installs itself at start. */
public interface SimulatorModule {

    void install(SimulatorContext context);
}
