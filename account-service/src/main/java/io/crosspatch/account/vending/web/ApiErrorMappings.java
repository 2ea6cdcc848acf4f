package io.crosspatch.account.vending.web;

import io.crosspatch.servicekit.web.error.ApiErrorMapping;
import io.crosspatch.servicekit.web.error.ApiExceptionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The operator API's own refusals as HTTP errors; everything else (Spring MVC's refusals, Cassandra out of reach,
 * defects) is answered by service-kit's {@link ApiExceptionHandler}.
 */
@Configuration(proxyBeanMethods = false)
class ApiErrorMappings {

    @Bean
    ApiErrorMapping operatorApiErrors() {
        return ApiErrorMapping.of(BadRequestException.class, HttpStatus.BAD_REQUEST, BadRequestException::code);
    }
}
