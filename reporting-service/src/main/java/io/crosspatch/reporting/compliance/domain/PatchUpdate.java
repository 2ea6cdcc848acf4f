package io.crosspatch.reporting.compliance.domain;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One update (patch) as SSM reports it for one instance: one row of the instance's updates list.
 *
 * @param patchId        KB id for Windows, advisory or package id for Linux
 * @param title          the update's title (its description)
 * @param classification e.g. {@code SecurityUpdates}, {@code Bugfix}
 * @param severity       the vendor's severity, e.g. {@code Critical}
 * @param state          SSM's install state, e.g. {@code INSTALLED}, {@code MISSING}, {@code FAILED}
 * @param installedAt    when it was installed, null unless installed
 * @param cveIds         CVE ids the update fixes
 */
public record PatchUpdate(
        String patchId,
        String title,
        String classification,
        String severity,
        String state,
        @Nullable Instant installedAt,
        List<String> cveIds) {

    public PatchUpdate {
        cveIds = cveIds == null ? List.of() : List.copyOf(cveIds);
    }
}
