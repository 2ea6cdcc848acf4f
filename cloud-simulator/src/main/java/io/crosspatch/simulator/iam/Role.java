package io.crosspatch.simulator.iam;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * An IAM role in one account.
 *
 * @param assumableAfter  before this (simulated) time STS refuses to assume the role; models a new account's
 *                        OrganizationAccountAccessRole that AWS makes usable some time after the account exists
 */
public record Role(
        String accountId,
        String name,
        String path,
        String roleId,
        String trustPolicy,
        @Nullable String description,
        Instant createdAt,
        Instant assumableAfter,
        Map<String, String> tags,
        Set<String> attachedPolicyArns) {

    public static Role create(
            String accountId,
            String name,
            String path,
            String roleId,
            String trustPolicy,
            @Nullable String description,
            Instant createdAt,
            Instant assumableAfter,
            Map<String, String> tags) {
        return new Role(
                accountId,
                name,
                path,
                roleId,
                trustPolicy,
                description,
                createdAt,
                assumableAfter,
                Map.copyOf(tags),
                ConcurrentHashMap.newKeySet());
    }

    public String arn() {
        return "arn:aws:iam::" + accountId + ":role" + path + name;
    }

    public List<String> policies() {
        return attachedPolicyArns.stream().sorted().toList();
    }
}
