package io.crosspatch.identity.verification.domain;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a provider's signed identity proves, and nothing else: every field here came out of verified bytes.
 *
 * @param instanceName {@code null} where the signed identity carries no name (Azure, AWS)
 * @param location zone or region on the VM's own cloud; {@code null} where the signed identity has none
 * @param instanceCreatedAt {@code null} where the signed identity does not say (Azure, VMware, and AWS, whose
 *     {@code pendingTime} is the last launch, not the creation)
 * @param signedLabels labels the signed identity itself carries (none of today's providers sign any)
 * @param expiresAt when the signed identity stops being acceptable; {@code null} for documents that never expire (AWS)
 * @param nonce the challenge nonce the document signs (Azure), else {@code null}
 * @param tokenId the token's {@code jti} (VMware), else {@code null}
 * @param issuer who signed the identity (token issuer, or the provider's signer)
 */
public record VerifiedClaims(
        CloudProvider provider,
        String cloudAccountId,
        String instanceId,
        @Nullable String instanceName,
        @Nullable String location,
        @Nullable Instant instanceCreatedAt,
        Map<String, String> signedLabels,
        @Nullable Instant expiresAt,
        @Nullable String nonce,
        @Nullable String tokenId,
        String issuer) {

    public VerifiedClaims {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(cloudAccountId, "cloudAccountId");
        Objects.requireNonNull(instanceId, "instanceId");
        signedLabels = signedLabels == null ? Map.of() : Map.copyOf(signedLabels);
    }

    /** The cloud account the signed identity belongs to. */
    public CloudAccountKey cloudAccountKey() {
        return new CloudAccountKey(provider, cloudAccountId);
    }

    /** The trust-on-first-use key of the instance this identity names. */
    // InstanceKey's compact constructor turns an unknown creation time into InstanceKey.UNKNOWN_CREATION.
    @SuppressWarnings("NullAway")
    public InstanceKey instanceKey() {
        return new InstanceKey(provider, cloudAccountId, instanceId, instanceCreatedAt);
    }
}
