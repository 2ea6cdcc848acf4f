package io.crosspatch.reporting.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The application search: case-insensitive substring, in the stored order, paged by offset. */
class ApplicationPageTest {

    private static final List<InstalledApplication> APPS = List.of(
            new InstalledApplication("PyYAML", "6.0", null),
            new InstalledApplication("bash", "5.2", null),
            new InstalledApplication("python3", "3.12", "Canonical"),
            new InstalledApplication("python3-pip", "24.0", "Canonical"));

    @Test
    void shouldFindPrefixesAndInnerMatchesIgnoringCase() {
        assertThat(ApplicationPage.of(APPS, "py", 0, 10).applications())
                .extracting(InstalledApplication::name)
                .containsExactly("PyYAML", "python3", "python3-pip");
        assertThat(ApplicationPage.of(APPS, "3-P", 0, 10).matches()).isEqualTo(1);
        assertThat(ApplicationPage.of(APPS, "", 0, 10).matches()).isEqualTo(4);
    }

    @Test
    void shouldPageWithAnOffsetUntilTheLastPage() {
        ApplicationPage first = ApplicationPage.of(APPS, "", 0, 3);
        ApplicationPage last = ApplicationPage.of(APPS, "", 3, 3);
        ApplicationPage beyond = ApplicationPage.of(APPS, "", 99, 3);

        assertThat(first.nextOffset()).isEqualTo(3);
        assertThat(last.applications()).extracting(InstalledApplication::name).containsExactly("python3-pip");
        assertThat(last.nextOffset()).isNull();
        assertThat(beyond.applications()).isEmpty();
        assertThat(beyond.matches()).isEqualTo(4);
    }
}
