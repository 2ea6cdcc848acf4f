package io.crosspatch.identity.verification.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the verifier role runs, under {@code crosspatch.identity.verifier}. The defaults are here and nowhere else;
 * the listener's group and concurrency are also kept as strings, the fallbacks of its {@code @KafkaListener}
 * placeholders. (The verifier's clock tolerances are in {@code TrustProperties}, its JWKS fetching in
 * {@code JwksProperties}, its retries in {@link RetryProperties}.)
 *
 * @param enabled     whether this process runs the verifier (consumes enrollment.requested); default true; the
 *                    {@code ingress} profile turns it off so the ingress scales alone
 * @param groupId     the verifier's consumer group (its retry listener uses it with {@code -retry} appended); default
 *                    {@code identity-verifier}, apart from the status view's group so each reads every record
 * @param concurrency consumer threads on enrollment.requested per process; default 2, each handing its batches to
 *                    the verification pool
 * @param parallelism verifications at once per process (the verification pool); default 32, as a verification
 *                    mostly waits for Cassandra
 */
@ConfigurationProperties("crosspatch.identity.verifier")
public record VerifierProperties(Boolean enabled, String groupId, Integer concurrency, Integer parallelism) {

    public static final String DEFAULT_GROUP_ID = "identity-verifier";
    public static final String DEFAULT_CONCURRENCY = "2";

    public VerifierProperties {
        enabled = enabled == null || enabled;
        groupId = groupId == null || groupId.isBlank() ? DEFAULT_GROUP_ID : groupId;
        concurrency = concurrency == null ? Integer.parseInt(DEFAULT_CONCURRENCY) : concurrency;
        parallelism = parallelism == null ? 32 : parallelism;
    }
}
