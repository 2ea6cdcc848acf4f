package io.crosspatch.fixturevisibility.orders.application;

/** A use case: the API layer is public by design and not judged. */
public interface Orders {
    int count();
}
