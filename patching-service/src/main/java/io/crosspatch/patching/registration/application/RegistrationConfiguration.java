package io.crosspatch.patching.registration.application;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link RegistrationProperties}. */
@Configuration
@EnableConfigurationProperties(RegistrationProperties.class)
public class RegistrationConfiguration {}
