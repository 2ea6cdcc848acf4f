package io.crosspatch.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CloudAccountKeyTest {

    @Test
    void printsAndParsesTheLowerCaseKeyForm() {
        CloudAccountKey key = new CloudAccountKey(CloudProvider.AZURE, "sub-1:odd");

        assertThat(key).hasToString("azure:sub-1:odd");
        assertThat(CloudAccountKey.parse("azure:sub-1:odd")).isEqualTo(key);
        assertThat(CloudAccountKey.parse("AZURE:sub-1:odd")).isEqualTo(key);
    }

    @Test
    void refusesWhatIsNotAKey() {
        for (String bad : new String[] {"", ":acct", "gcp:", "nocolon", "ibm:acct"}) {
            assertThatThrownBy(() -> CloudAccountKey.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> CloudAccountKey.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CloudAccountKey(CloudProvider.GCP, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wireNamesAreExactButParsingIgnoresCase() {
        assertThat(CloudProvider.ofWireName("vmware")).contains(CloudProvider.VMWARE);
        assertThat(CloudProvider.ofWireName("VMWARE")).isEmpty();
        assertThat(CloudProvider.ofWireName(null)).isEmpty();
        assertThat(CloudProvider.parse("Gcp")).isEqualTo(CloudProvider.GCP);
        assertThatThrownBy(() -> CloudProvider.parse("oracle")).isInstanceOf(IllegalArgumentException.class);
    }
}
