package io.crosspatch.patching.compliance.application;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link ComplianceProperties}. */
@Configuration
@EnableConfigurationProperties(ComplianceProperties.class)
public class ComplianceConfiguration {}
