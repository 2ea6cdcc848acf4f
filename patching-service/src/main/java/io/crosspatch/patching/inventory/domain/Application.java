package io.crosspatch.patching.inventory.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One installed application as SSM Inventory lists it ({@code AWS:Application}).
 *
 * @param name      the application or package name
 * @param version   its version, null when SSM reports none
 * @param publisher its publisher or vendor, null when SSM reports none
 */
public record Application(
        String name, @Nullable String version, @Nullable String publisher) {

    public Application {
        Objects.requireNonNull(name, "name");
    }
}
