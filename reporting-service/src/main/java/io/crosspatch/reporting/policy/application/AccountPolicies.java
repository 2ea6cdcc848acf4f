package io.crosspatch.reporting.policy.application;

import io.crosspatch.reporting.policy.domain.AccountPolicy;
import java.util.List;

/** The policy version per cloud account, as the read model stores it (Cassandra behind it). */
public interface AccountPolicies {

    /** Upserts each by its natural key at its own time: a replay changes nothing, an older one never wins. */
    void store(List<AccountPolicy> policies);

    /** Every account of the tenant with its policy version (one partition). */
    List<AccountPolicy> ofTenant(String tenantId);
}
