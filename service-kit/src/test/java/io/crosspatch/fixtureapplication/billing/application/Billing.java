package io.crosspatch.fixtureapplication.billing.application;

import io.crosspatch.fixtureapplication.billing.persistence.InvoiceTable;

/** Planted violation: a use case that calls a concrete repository instead of a port. */
public record Billing(InvoiceTable table) {}
