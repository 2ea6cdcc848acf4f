package io.crosspatch.identity.enrollment.domain;

/** What the VM says about itself (unsigned): hostname, OS family and, optionally, version. */
public record HostFacts(String hostname, String osFamily, String osVersion) {
}
