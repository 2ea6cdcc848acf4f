package io.crosspatch.fixturetidy.shipping.messaging;

import io.crosspatch.fixturetidy.billing.application.Billing;
import io.crosspatch.fixturetidy.billing.domain.Invoice;

/** Another feature's adapter, using billing through its application API. */
record ShipmentListener(Billing billing) {
    void onShipped(Invoice invoice) {
        billing.bill(invoice);
    }
}
