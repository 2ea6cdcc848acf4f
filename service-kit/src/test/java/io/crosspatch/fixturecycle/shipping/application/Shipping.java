package io.crosspatch.fixturecycle.shipping.application;

import io.crosspatch.fixturecycle.billing.application.Billing;

public interface Shipping {
    Billing billing();
}
