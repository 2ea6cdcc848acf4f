package io.crosspatch.patching.desiredstate.domain;

import java.util.Objects;

/**
 * The version of a patch policy, derived from the policy itself and not from where it is written down: its name and
 * the SHA-256 of the plan it gives an account without custom groups. Two accounts on equal versions hold the same
 * policy; a policy edited anywhere (a file today, a tenant's API call later) gets a new version by itself.
 *
 * @param name the policy's name ({@code standard} for the platform's one policy)
 * @param hash SHA-256 (hex) of the policy's plan
 */
public record PolicyVersion(String name, String hash) {

    private static final int SHORT_HASH = 12;

    public PolicyVersion {
        Objects.requireNonNull(name, "name");
        if (hash.length() < SHORT_HASH) {
            throw new IllegalArgumentException("a policy hash has at least " + SHORT_HASH + " hex digits");
        }
    }

    /** What people read and compare: {@code standard-3f9a0c1d2e4b}. */
    public String label() {
        return name + "-" + hash.substring(0, SHORT_HASH);
    }
}
