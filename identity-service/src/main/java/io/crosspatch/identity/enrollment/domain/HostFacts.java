package io.crosspatch.identity.enrollment.domain;

import org.jspecify.annotations.Nullable;

/** What the VM says about itself (unsigned): hostname, OS family and, optionally, version. */
public record HostFacts(
        String hostname,
        @Nullable String osFamily,
        @Nullable String osVersion) {}
