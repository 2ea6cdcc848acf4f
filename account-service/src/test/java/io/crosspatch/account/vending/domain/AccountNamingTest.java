package io.crosspatch.account.vending.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountNamingTest {

    private static final String AWS_EMAIL = "[^\\s@]+@[^\\s@]+\\.[^\\s@]+";
    private final AccountNaming naming = new AccountNaming(
            "aws+{tenant}-{provider}-{account}@example.com", "crosspatch {tenant} {provider} {account}");

    @Test
    void shouldFillTemplatesForAShortCloudAccount() {
        CloudAccountKey key = new CloudAccountKey(CloudProvider.GCP, "acme-prod");

        assertThat(naming.email(key, "acme")).isEqualTo("aws+acme-gcp-acme-prod@example.com");
        assertThat(naming.accountName(key, "acme")).isEqualTo("crosspatch acme gcp acme-prod");
    }

    @Test
    void shouldGiveEveryLaterSystemAccountOfACloudAccountItsOwnEmailAndName() {
        CloudAccountKey key = new CloudAccountKey(CloudProvider.AWS, "123456789012");
        CloudAccountKey lookalike = new CloudAccountKey(CloudProvider.AWS, "123456789012-1");

        assertThat(naming.email(key, "acme", 0)).isEqualTo(naming.email(key, "acme"));
        assertThat(List.of(naming.email(key, "acme", 0), naming.email(key, "acme", 1), naming.email(key, "acme", 2)))
                .doesNotHaveDuplicates()
                .allMatch(email -> email.matches(AWS_EMAIL) && email.length() <= AccountNaming.MAX_EMAIL)
                .doesNotContain(naming.email(lookalike, "acme"));
        assertThat(List.of(naming.accountName(key, "acme", 0), naming.accountName(key, "acme", 1)))
                .doesNotHaveDuplicates()
                .allMatch(name -> name.length() <= AccountNaming.MAX_NAME);
    }

    @Test
    void shouldShortenLongCloudAccountsWithinAwsLimitsAndKeepThemApart() {
        CloudAccountKey first =
                new CloudAccountKey(CloudProvider.AZURE, "0f8fad5b-d9cb-469f-a165-70867728950e-and-much-more-text-a");
        CloudAccountKey second =
                new CloudAccountKey(CloudProvider.AZURE, "0f8fad5b-d9cb-469f-a165-70867728950e-and-much-more-text-b");

        String firstEmail = naming.email(first, "a-tenant-with-a-rather-long-name");
        String secondEmail = naming.email(second, "a-tenant-with-a-rather-long-name");

        assertThat(firstEmail).hasSizeBetween(6, 64).matches(AWS_EMAIL).endsWith("@example.com");
        assertThat(secondEmail).hasSizeBetween(6, 64).matches(AWS_EMAIL);
        assertThat(firstEmail).isNotEqualTo(secondEmail);
        assertThat(naming.accountName(first, "a-tenant-with-a-rather-long-name"))
                .hasSizeLessThanOrEqualTo(50)
                .isNotEqualTo(naming.accountName(second, "a-tenant-with-a-rather-long-name"));
    }

    @Test
    void shouldKeepCloudAccountsApartThatOnlyDifferInCharactersAnEmailCannotCarry() {
        CloudAccountKey upper = new CloudAccountKey(CloudProvider.VMWARE, "Org/One");
        CloudAccountKey lower = new CloudAccountKey(CloudProvider.VMWARE, "org-one");

        assertThat(naming.email(upper, "acme")).matches("aws\\+acme-vmware-org-one-[0-9a-f]{10}@example.com");
        assertThat(naming.email(upper, "acme")).isNotEqualToIgnoringCase(naming.email(lower, "acme"));
    }

    @Test
    void shouldRefuseTemplatesThatCannotBeUniquePerCloudAccount() {
        assertThatThrownBy(() -> new AccountNaming("aws+{tenant}@example.com", "{account}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccountNaming("aws+{account}@{tenant}.example.com", "{account}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
