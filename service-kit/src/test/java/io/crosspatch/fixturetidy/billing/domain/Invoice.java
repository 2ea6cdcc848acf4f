package io.crosspatch.fixturetidy.billing.domain;

import io.crosspatch.kernel.CloudAccountKey;

/** The shape the rules ask for: a domain of JDK and kernel types. */
public record Invoice(CloudAccountKey account, long cents) {}
