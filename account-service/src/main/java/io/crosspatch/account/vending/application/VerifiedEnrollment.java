package io.crosspatch.account.vending.application;

import io.crosspatch.kernel.CloudAccountKey;
import java.util.Objects;

/**
 * An {@code identity.verified} event as account vending takes it in, mapped out of the contract at the messaging
 * edge: the four facts vending acts on, and the verified identity as a whole, which it only passes on.
 *
 * @param enrollmentId the enrollment the verification belongs to
 * @param key          the cloud account the VM runs in
 * @param tenantId     the tenant the cloud account is onboarded to
 * @param awsRegion    the AWS region whose SSM manages the VM
 * @param identity     the verified identity, handed on unchanged in {@code account.ready}
 */
public record VerifiedEnrollment(
        String enrollmentId, CloudAccountKey key, String tenantId, String awsRegion, PassedOnIdentity identity) {

    public VerifiedEnrollment {
        Objects.requireNonNull(enrollmentId, "enrollmentId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(awsRegion, "awsRegion");
        Objects.requireNonNull(identity, "identity");
    }
}
