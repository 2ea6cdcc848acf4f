package io.crosspatch.fixturetidy.billing.persistence;

import io.crosspatch.fixturetidy.billing.application.InvoiceStore;
import io.crosspatch.fixturetidy.billing.domain.Invoice;
import java.util.ArrayList;
import java.util.List;

class TableInvoiceStore implements InvoiceStore {
    private final List<Invoice> rows = new ArrayList<>();

    @Override
    public void save(Invoice invoice) {
        rows.add(invoice);
    }
}
