package io.crosspatch.patching.systemaccount.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.servicekit.activationcode.ActivationEncryptionProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The management secret key and the activation-encryption keys never print, so they cannot reach a log. */
class AwsPropertiesTest {

    private static final String SECRET = "S3CR3T-value-that-must-not-print";

    @Test
    void shouldLeaveTheManagementSecretOutOfToString() {
        AwsProperties properties = new AwsProperties(null, "us-east-1", "AKIAEXAMPLE0000000001", SECRET, 10,
                Duration.ofHours(1), 15, 20, Map.of(), 16);

        assertThat(properties.toString()).contains("AKIAEXAMPLE0000000001").doesNotContain(SECRET);
    }

    @Test
    void shouldNameActivationEncryptionKeysButNeverPrintThem() {
        ActivationEncryptionProperties properties = new ActivationEncryptionProperties(Map.of("k2026a", SECRET), "k2026a");

        assertThat(properties.toString()).contains("k2026a").doesNotContain(SECRET);
    }
}
