package io.crosspatch.simulator.auth;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A key pair the simulator accepts, and what it acts as.
 *
 * @param sessionToken  present for temporary credentials from AssumeRole; the request must carry it
 * @param expiresAt     null for long-term keys
 */
public record Credentials(
        String accessKeyId,
        String secretAccessKey,
        @Nullable String sessionToken,
        String accountId,
        String arn,
        @Nullable Instant expiresAt) {}
