package io.crosspatch.simulator.ssm;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A hybrid activation: the code and id an on-premises agent registers with. Its tags and default instance name
 * are copied onto every node that registers with it.
 *
 * @param iamRole            the role name as given to CreateActivation (may carry a path, e.g. {@code service-role/X})
 * @param registrationsCount nodes registered so far; deregistering a node does not give the registration back
 */
public record Activation(
        String activationId,
        String activationCode,
        @Nullable String description,
        @Nullable String defaultInstanceName,
        String iamRole,
        int registrationLimit,
        int registrationsCount,
        Instant expirationDate,
        Instant createdDate,
        Map<String, String> tags) {

    public Activation {
        tags = Tags.copyOf(tags);
    }

    public boolean expired(Instant now) {
        return !expirationDate.isAfter(now);
    }

    Activation withOneMoreRegistration() {
        return new Activation(
                activationId,
                activationCode,
                description,
                defaultInstanceName,
                iamRole,
                registrationLimit,
                registrationsCount + 1,
                expirationDate,
                createdDate,
                tags);
    }
}
