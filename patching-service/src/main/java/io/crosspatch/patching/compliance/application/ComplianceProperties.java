package io.crosspatch.patching.compliance.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How often compliance is collected, and how many system accounts are collected side by side. */
@ConfigurationProperties("crosspatch.patching.compliance")
public record ComplianceProperties(Duration interval, int accountConcurrency) {
}
