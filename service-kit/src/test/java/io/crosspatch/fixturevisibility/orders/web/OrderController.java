package io.crosspatch.fixturevisibility.orders.web;

/** The planted violation: public, yet nothing outside its package uses it. */
public final class OrderController {
    OrderView show(String id) {
        return new OrderView(id);
    }
}
