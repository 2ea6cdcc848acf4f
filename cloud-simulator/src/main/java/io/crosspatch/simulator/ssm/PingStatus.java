package io.crosspatch.simulator.ssm;

import java.util.Arrays;
import java.util.Optional;

/** A managed node's agent connectivity as DescribeInstanceInformation reports it. */
public enum PingStatus {
    ONLINE("Online"),
    CONNECTION_LOST("ConnectionLost"),
    INACTIVE("Inactive");

    private final String wireName;

    PingStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The value on the wire: {@code Online}, {@code ConnectionLost}, {@code Inactive}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<PingStatus> fromWire(String value) {
        return Arrays.stream(values())
                .filter(status -> status.wireName.equals(value))
                .findFirst();
    }
}
