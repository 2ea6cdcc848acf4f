package io.crosspatch.fixturevisibility.ordersreport;

import io.crosspatch.fixturevisibility.orders.persistence.OrderTable;
import io.crosspatch.fixturevisibility.orders.web.OrderView;

/** Another package, using the two adapters that are public for a reason. */
final class OrderReport {
    int total() {
        OrderView.Line line = new OrderView.Line("sku-1");
        return new OrderTable().count() + line.sku().length();
    }
}
