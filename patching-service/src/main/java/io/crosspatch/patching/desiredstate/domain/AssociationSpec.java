package io.crosspatch.patching.desiredstate.domain;

import java.util.List;
import java.util.SortedMap;

/** A State Manager association (the regular Scan, software inventory), found again by its association name. */
public record AssociationSpec(
        String name,
        String document,
        SortedMap<String, List<String>> parameters,
        String schedule,
        List<TargetSpec> targets) {

    public AssociationSpec {
        targets = List.copyOf(targets);
    }
}
