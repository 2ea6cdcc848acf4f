package io.crosspatch.simulator.ssm;

import java.util.List;

/** One patch filter of a baseline's global filters or approval rule, e.g. {@code CLASSIFICATION = [Security, Bugfix]}. */
public record PatchFilter(String key, List<String> values) {

    public PatchFilter {
        values = List.copyOf(values);
    }
}
