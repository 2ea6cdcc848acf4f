package io.crosspatch.simulator.organizations;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An account of the organization as ListAccounts and DescribeAccount show it, with its tags. Immutable: a tag
 * change yields a new value, so a listing never sees half an update.
 *
 * @param joinedMethod  {@code CREATED} for accounts made by CreateAccount, {@code INVITED} for the management
 *                      account (AWS shows the account that created the organization that way)
 * @param status        {@code ACTIVE}, {@code PENDING_CLOSURE} after CloseAccount, {@code SUSPENDED} once closed
 *                      (AWS keeps a closed account in the organization, suspended, for 90 days)
 */
record MemberAccount(
        String id,
        String arn,
        String email,
        String name,
        String joinedMethod,
        Instant joinedAt,
        Map<String, String> tags,
        String status) {

    static final String ACTIVE = "ACTIVE";
    static final String PENDING_CLOSURE = "PENDING_CLOSURE";
    static final String SUSPENDED = "SUSPENDED";

    MemberAccount {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    MemberAccount withTags(Map<String, String> added) {
        Map<String, String> merged = new LinkedHashMap<>(tags);
        merged.putAll(added);
        return new MemberAccount(id, arn, email, name, joinedMethod, joinedAt, merged, status);
    }

    MemberAccount withoutTags(Set<String> keys) {
        Map<String, String> kept = new LinkedHashMap<>(tags);
        kept.keySet().removeAll(keys);
        return new MemberAccount(id, arn, email, name, joinedMethod, joinedAt, kept, status);
    }

    MemberAccount withStatus(String newStatus) {
        return new MemberAccount(id, arn, email, name, joinedMethod, joinedAt, tags, newStatus);
    }
}
