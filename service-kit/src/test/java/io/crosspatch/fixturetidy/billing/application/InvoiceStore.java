package io.crosspatch.fixturetidy.billing.application;

import io.crosspatch.fixturetidy.billing.domain.Invoice;

/** A port: the use case says what it needs, an adapter provides it. */
public interface InvoiceStore {
    void save(Invoice invoice);
}
