package io.crosspatch.servicekit.web.error;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Installs {@link ApiExceptionHandler} in every servlet service, with the service's {@link ApiErrorMapping}s in order. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ApiErrorAutoConfiguration {

    @Bean
    ApiExceptionHandler crosspatchApiExceptionHandler(ObjectProvider<ApiErrorMapping> mappings) {
        return new ApiExceptionHandler(mappings.orderedStream().toList());
    }
}
