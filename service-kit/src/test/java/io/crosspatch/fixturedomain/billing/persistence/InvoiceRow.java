package io.crosspatch.fixturedomain.billing.persistence;

public record InvoiceRow(String id) {}
