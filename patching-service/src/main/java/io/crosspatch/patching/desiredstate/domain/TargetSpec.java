package io.crosspatch.patching.desiredstate.domain;

import java.util.List;

/** One SSM target: a key ({@code tag:Patch Group}, {@code InstanceIds}) and its values. */
public record TargetSpec(String key, List<String> values) {

    public TargetSpec {
        values = List.copyOf(values);
    }
}
