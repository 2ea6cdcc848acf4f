package io.crosspatch.reporting.inventory.domain;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One application of an instance's inventory. */
public record InstalledApplication(
        String name, @Nullable String version, @Nullable String publisher) {

    public InstalledApplication {
        Objects.requireNonNull(name, "name");
    }

    /** Whether the name contains {@code lowerCaseQuery}, ignoring case (an empty query matches every one). */
    public boolean matches(String lowerCaseQuery) {
        return name.toLowerCase(Locale.ROOT).contains(lowerCaseQuery);
    }
}
