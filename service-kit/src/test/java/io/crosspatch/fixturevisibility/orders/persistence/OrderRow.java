package io.crosspatch.fixturevisibility.orders.persistence;

/** Package-private and used beside itself: allowed. */
record OrderRow(String id) {}
