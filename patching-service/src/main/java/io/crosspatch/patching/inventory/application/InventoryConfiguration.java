package io.crosspatch.patching.inventory.application;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link InventoryProperties}. */
@Configuration
@EnableConfigurationProperties(InventoryProperties.class)
public class InventoryConfiguration {}
