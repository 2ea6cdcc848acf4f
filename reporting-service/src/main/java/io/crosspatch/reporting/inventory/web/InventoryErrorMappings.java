package io.crosspatch.reporting.inventory.web;

import io.crosspatch.servicekit.web.error.ApiErrorMapping;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The inventory API's own refusals; instance not found, ambiguous ids and a foreign tenant are the compliance API's
 * mappings, which these reads share.
 */
@Configuration(proxyBeanMethods = false)
class InventoryErrorMappings {

    @Bean
    ApiErrorMapping inventoryApiErrors() {
        return ApiErrorMapping.of(
                InvalidInventoryQueryException.class, HttpStatus.BAD_REQUEST, InvalidInventoryQueryException::code);
    }
}
