package io.crosspatch.reporting.inventory.web;

import io.crosspatch.reporting.inventory.domain.ApplicationPage;
import io.crosspatch.reporting.inventory.domain.InstalledApplication;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of an instance's applications matching the query.
 *
 * @param matches       how many applications match the query in all
 * @param nextPageToken the token of the next page, null on the last one
 */
record ApplicationPageView(
        List<InstalledApplication> applications,
        int matches,
        @Nullable String nextPageToken) {

    static ApplicationPageView of(ApplicationPage page, @Nullable String nextPageToken) {
        return new ApplicationPageView(page.applications(), page.matches(), nextPageToken);
    }
}
