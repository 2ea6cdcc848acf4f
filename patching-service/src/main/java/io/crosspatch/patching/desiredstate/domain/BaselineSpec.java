package io.crosspatch.patching.desiredstate.domain;

import java.util.List;

/** A custom patch baseline for one OS and patch group, registered to that group. */
public record BaselineSpec(String name, ManagedOs os, String patchGroup, List<RuleSpec> rules, String description) {

    public BaselineSpec {
        rules = List.copyOf(rules);
    }
}
