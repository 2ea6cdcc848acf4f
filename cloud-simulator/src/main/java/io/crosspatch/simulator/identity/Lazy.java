package io.crosspatch.simulator.identity;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** A value made on first use: key pairs are generated only when a cloud's identity is first asked for, so start-up stays fast. */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> factory;
    private volatile @Nullable T value;

    public Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        T current = value;
        if (current == null) {
            synchronized (this) {
                if (value == null) {
                    value = factory.get();
                }
                current = value;
            }
        }
        return current;
    }
}
