package io.crosspatch.fixturefeatures.shipping.messaging;

import io.crosspatch.fixturefeatures.billing.persistence.InvoiceTable;

/** Planted violation: one feature's adapter reaching into another feature's adapter. */
public record ShipmentListener(InvoiceTable invoices) {}
