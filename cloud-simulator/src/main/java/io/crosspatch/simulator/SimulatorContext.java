package io.crosspatch.simulator;

import io.crosspatch.simulator.auth.CredentialStore;
import io.crosspatch.simulator.aws.AwsOperations;
import io.crosspatch.simulator.control.CallLog;
import io.crosspatch.simulator.control.SimClock;
import io.crosspatch.simulator.control.TrafficControl;
import io.crosspatch.simulator.http.SimulatorServer;
import io.crosspatch.simulator.iam.IamService;

/**
 * What a simulated service module gets to plug itself in: the operation registry for AWS APIs, the HTTP
 * server for its own endpoints (under {@code /_sim/…} or a cloud's metadata paths), the clock, and the
 * shared pieces other modules build on (IAM roles, credentials).
 */
public record SimulatorContext(
        SimulatorConfig config,
        SimulatorServer server,
        AwsOperations operations,
        SimClock clock,
        CredentialStore credentials,
        IamService iam,
        CallLog calls,
        TrafficControl traffic) {}
