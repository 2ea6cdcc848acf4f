package io.crosspatch.fixturedomain.billing.domain;

import io.crosspatch.fixturedomain.billing.persistence.InvoiceRow;

/** Planted violation: a domain type that knows its storage row. */
public record Invoice(InvoiceRow row) {}
