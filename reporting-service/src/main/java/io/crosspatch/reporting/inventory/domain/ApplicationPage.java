package io.crosspatch.reporting.inventory.domain;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One page of an instance's applications whose name contains a query (case-insensitive substring, so a prefix is
 * found too), in name order. The search runs over the stored list, which is bounded at 2,000, so it costs one
 * partition read and a linear scan whatever the query.
 *
 * @param matches    how many applications match, on every page
 * @param nextOffset the offset of the next page, null on the last one
 */
public record ApplicationPage(
        List<InstalledApplication> applications,
        int matches,
        @Nullable Integer nextOffset) {

    public ApplicationPage {
        applications = List.copyOf(applications);
    }

    public static ApplicationPage of(List<InstalledApplication> all, String query, int offset, int pageSize) {
        String needle = query.toLowerCase(Locale.ROOT);
        List<InstalledApplication> matching =
                all.stream().filter(a -> a.matches(needle)).toList();
        int from = Math.min(offset, matching.size());
        int to = Math.min(matching.size(), from + pageSize);
        return new ApplicationPage(matching.subList(from, to), matching.size(), to < matching.size() ? to : null);
    }
}
