package io.crosspatch.fixturecycle.billing.application;

import io.crosspatch.fixturecycle.shipping.application.Shipping;

/** Planted violation: billing and shipping need each other. */
public interface Billing {
    Shipping shipping();
}
