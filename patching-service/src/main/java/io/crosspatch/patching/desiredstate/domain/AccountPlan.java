package io.crosspatch.patching.desiredstate.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything one system account's SSM must hold: the baselines, the windows and the associations. Its hash is
 * what {@code system_accounts} records once applied, so an account is reconciled again only when this changes.
 */
public record AccountPlan(List<BaselineSpec> baselines, List<WindowSpec> windows, List<AssociationSpec> associations) {

    public AccountPlan {
        baselines = List.copyOf(baselines);
        windows = List.copyOf(windows);
        associations = List.copyOf(associations);
    }

    /** SHA-256 of the plan's canonical text (records over sorted maps and ordered lists print deterministically). */
    public String hash() {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
