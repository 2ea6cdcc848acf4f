package io.crosspatch.account.vending.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The management account's static secret key never prints, so it cannot reach a log through the properties. */
class AwsPropertiesTest {

    @Test
    void shouldLeaveTheSecretAccessKeyOutOfToString() {
        AwsProperties properties = new AwsProperties(
                null, "eu-west-1", "AKIAEXAMPLE0000000001", "S3CR3T/management/secret/key", null, null, null);

        assertThat(properties.toString())
                .contains("AKIAEXAMPLE0000000001")
                .doesNotContain("S3CR3T/management/secret/key");
    }
}
