package io.crosspatch.fixturevisibility.orders.web;

/** Public because another package builds its nested line type: allowed. */
public record OrderView(String id) {
    public record Line(String sku) {}
}
