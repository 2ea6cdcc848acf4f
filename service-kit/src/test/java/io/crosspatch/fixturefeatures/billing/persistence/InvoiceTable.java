package io.crosspatch.fixturefeatures.billing.persistence;

public record InvoiceTable(String name) {}
