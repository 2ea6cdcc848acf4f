package io.crosspatch.patching.systemaccount.domain;

import java.util.Objects;

/**
 * A system account as patching-service needs it: where SSM lives (account and region), the role to assume into
 * it, and the SSM service role that hybrid activations name.
 *
 * @param accountId          the 12-digit AWS account id
 * @param region             the SSM region of the account's managed nodes
 * @param roleArn            the role patching-service assumes with STS
 * @param ssmServiceRoleName the IAM role hybrid activations give to registered nodes
 */
public record SystemAccountRef(String accountId, String region, String roleArn, String ssmServiceRoleName) {

    public SystemAccountRef {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(ssmServiceRoleName, "ssmServiceRoleName");
    }
}
