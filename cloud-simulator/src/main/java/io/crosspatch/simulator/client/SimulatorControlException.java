package io.crosspatch.simulator.client;

/** The simulator refused a control request: its status and its {@code {"error","message"}} body, in the message. */
public final class SimulatorControlException extends RuntimeException {

    private final int status;

    public SimulatorControlException(int status, String body) {
        super("the simulator answered " + status + ": " + body);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
