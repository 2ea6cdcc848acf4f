package io.crosspatch.patching.compliance.domain;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One patch of a node as DescribeInstancePatches reports it. */
public record NodePatch(
        String id,
        String title,
        String classification,
        String severity,
        String state,
        @Nullable Instant installedAt,
        List<String> cveIds) {

    public NodePatch {
        cveIds = List.copyOf(cveIds);
    }
}
