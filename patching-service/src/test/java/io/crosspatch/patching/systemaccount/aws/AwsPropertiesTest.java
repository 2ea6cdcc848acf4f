package io.crosspatch.patching.systemaccount.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.servicekit.activationcode.ActivationEncryptionProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The management secret key and the activation-encryption keys never print, so they cannot reach a log; a rate set
 * for one operation leaves the other operations' defaults in place.
 */
class AwsPropertiesTest {

    private static final String SECRET = "S3CR3T-value-that-must-not-print";

    @Test
    void shouldLeaveTheManagementSecretOutOfToString() {
        AwsProperties properties = new AwsProperties(
                null, "us-east-1", "AKIAEXAMPLE0000000001", SECRET, 10, Duration.ofHours(1), 15.0, 20, Map.of(), 16);

        assertThat(properties.toString()).contains("AKIAEXAMPLE0000000001").doesNotContain(SECRET);
    }

    @Test
    void shouldReplaceOnlyTheOperationRatesThatAreSet() {
        AwsProperties properties = new AwsProperties(
                null, null, null, null, null, null, null, null, Map.of("CreateActivation", 1000.0), null);

        assertThat(properties.rates())
                .containsEntry("CreateActivation", 1000.0)
                .containsEntry("DescribeInstanceInformation", 30.0)
                .containsEntry("DescribeInstancePatches", 30.0);
        assertThat(properties.defaultRatePerSecond()).isEqualTo(15.0);
        assertThat(properties.region()).isEqualTo("us-east-1");
    }

    @Test
    void shouldNameActivationEncryptionKeysButNeverPrintThem() {
        ActivationEncryptionProperties properties =
                new ActivationEncryptionProperties(Map.of("k2026a", SECRET), "k2026a");

        assertThat(properties.toString()).contains("k2026a").doesNotContain(SECRET);
    }
}
