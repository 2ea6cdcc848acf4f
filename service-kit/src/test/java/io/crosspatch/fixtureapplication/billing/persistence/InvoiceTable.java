package io.crosspatch.fixtureapplication.billing.persistence;

public record InvoiceTable(String name) {}
