package io.crosspatch.account.vending.application;

import io.crosspatch.kernel.CloudAccountKey;
import java.time.Instant;

/** patching-service's word that the system account of an offboarded cloud account holds nothing of ours any more. */
public record ReleasedAccount(CloudAccountKey key, String tenantId, String systemAccountId, Instant releasedAt) {}
