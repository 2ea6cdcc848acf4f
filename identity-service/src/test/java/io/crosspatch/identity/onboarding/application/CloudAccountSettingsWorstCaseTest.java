package io.crosspatch.identity.onboarding.application;

import static io.crosspatch.servicekit.testing.WorstCase.assertCheapAndLinear;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The admin API's onboarding checks fed their worst case at the body limit: near-misses of every shape. Each answers
 * within 50 ms and costs linearly in the input; each keeps accepting and refusing what it did as a pattern.
 */
class CloudAccountSettingsWorstCaseTest {

    private static final int BODY_LIMIT = 64 * 1024;
    private static final Duration BOUND = Duration.ofMillis(50);
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldCheckEachFieldInLinearTime() {
        assertLinear(n -> "a".repeat(n) + "!", tenant -> settings(tenant, "gcp", "acme-prod", "eu-west-1", "early"));
        assertLinear(n -> "a-".repeat(n / 2) + "-", id -> settings("acme", "gcp", id, "eu-west-1", "early"));
        assertLinear(n -> "a.".repeat(n / 2) + "!", id -> settings("acme", "vmware", id, "eu-west-1", "early"));
        assertLinear(n -> "0".repeat(n), id -> settings("acme", "aws", id, "eu-west-1", "early"));
        assertLinear(
                n -> "eu" + "-west".repeat(n / 5) + "-x",
                region -> settings("acme", "gcp", "acme-prod", region, "early"));
        assertLinear(n -> "a".repeat(n) + "!", group -> settings("acme", "gcp", "acme-prod", "eu-west-1", group));
    }

    @Test
    void shouldAcceptAndRefuseWhatThePatternsDid() {
        assertThat(settings("Acme.eu_1-x", "gcp", "acme-prod-1", "us-gov-west-1", "on-time")
                        .toAccount(NOW)
                        .tenantId())
                .isEqualTo("Acme.eu_1-x");
        assertThat(settings("acme", "azure", "0f4e5c7a-1b2c-4d5e-8f90-123456789abc", "eu-west-1", "late")
                        .toAccount(NOW))
                .isNotNull();
        assertThat(settings("acme", "vmware", "vc-01.acme:x_y", "eu-west-1", "early")
                        .toAccount(NOW))
                .isNotNull();
        assertThat(settings("acme", "aws", "123456789012", "ap-southeast-2", "early")
                        .toAccount(NOW))
                .isNotNull();

        assertCode(settings("-acme", "gcp", "acme-prod", "eu-west-1", "early"), "INVALID_TENANT");
        assertCode(settings("a".repeat(65), "gcp", "acme-prod", "eu-west-1", "early"), "INVALID_TENANT");
        assertCode(settings("acme", "gcp", "acme-", "eu-west-1", "early"), "INVALID_CLOUD_ACCOUNT_ID");
        assertCode(settings("acme", "gcp", "1acme-prod", "eu-west-1", "early"), "INVALID_CLOUD_ACCOUNT_ID");
        assertCode(settings("acme", "gcp", "acme-prod-", "eu-west-1", "early"), "INVALID_CLOUD_ACCOUNT_ID");
        assertCode(
                settings("acme", "azure", "0F4E5C7A-1b2c-4d5e-8f90-123456789abc", "eu-west-1", "early"),
                "INVALID_CLOUD_ACCOUNT_ID");
        assertCode(
                settings("acme", "azure", "0f4e5c7a1b2c-4d5e-8f90-123456789abc-", "eu-west-1", "early"),
                "INVALID_CLOUD_ACCOUNT_ID");
        assertCode(settings("acme", "aws", "12345678901", "eu-west-1", "early"), "INVALID_CLOUD_ACCOUNT_ID");
        assertCode(settings("acme", "gcp", "acme-prod", "eu-west-12", "early"), "INVALID_AWS_REGION");
        assertCode(settings("acme", "gcp", "acme-prod", "eu--1", "early"), "INVALID_AWS_REGION");
        assertCode(settings("acme", "gcp", "acme-prod", "eu-1", "early"), "INVALID_AWS_REGION");
        assertCode(settings("acme", "gcp", "acme-prod", "eu-west-1", "Early"), "INVALID_PATCH_GROUP");
    }

    private static CloudAccountSettings settings(
            String tenant, String provider, String id, String region, String group) {
        return new CloudAccountSettings(tenant, provider, id, "name", "early", region, Set.of(group));
    }

    private static void assertLinear(
            java.util.function.IntFunction<String> input, Function<String, CloudAccountSettings> settings) {
        assertCheapAndLinear(input, BODY_LIMIT, text -> settings.apply(text).toAccount(NOW), BOUND);
    }

    private static void assertCode(CloudAccountSettings settings, String code) {
        assertThatThrownBy(() -> settings.toAccount(NOW))
                .isInstanceOfSatisfying(
                        InvalidCloudAccountException.class,
                        e -> assertThat(e.code()).isEqualTo(code));
    }
}
