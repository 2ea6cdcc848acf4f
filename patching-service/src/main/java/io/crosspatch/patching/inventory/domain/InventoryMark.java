package io.crosspatch.patching.inventory.domain;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What was last published about a node's inventory: the capture times it was read at (so an unchanged node costs
 * one read of each type's first page) and the published fingerprint (so a re-capture with the same content
 * publishes nothing).
 *
 * @param captureMarker the capture times of the types read, as {@link #marker} writes them
 */
public record InventoryMark(String captureMarker, String fingerprint) {

    public InventoryMark {
        Objects.requireNonNull(captureMarker, "captureMarker");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** The marker of an inventory read: both capture times, {@code none} for a type not captured yet. */
    public static String marker(Instant informationCapturedAt, @Nullable Instant applicationsCapturedAt) {
        return informationCapturedAt + "|" + (applicationsCapturedAt == null ? "none" : applicationsCapturedAt);
    }
}
