package io.crosspatch.fixturetidy.billing.application;

import io.crosspatch.fixturetidy.billing.domain.Invoice;
import org.springframework.stereotype.Service;

@Service
public class Billing {
    private final InvoiceStore store;

    public Billing(InvoiceStore store) {
        this.store = store;
    }

    public void bill(Invoice invoice) {
        store.save(invoice);
    }
}
