package io.crosspatch.identity;

import io.crosspatch.identity.enrollment.messaging.KafkaEnrollmentRequestPublisher;
import io.crosspatch.identity.web.IngressProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Builds the enrollment publisher with the ingress's publish timeout. At the service's root because the timeout is
 * one of the ingress settings of the service-wide {@code web} package, which maps the enrollment feature's errors to
 * HTTP: were the enrollment feature to read the settings itself, the two packages would depend on each other.
 */
@Configuration(proxyBeanMethods = false)
class IngressPublishingConfiguration {

    @Bean
    KafkaEnrollmentRequestPublisher enrollmentRequestPublisher(KafkaTemplate<String, Object> kafka,
            IngressProperties ingress, Clock clock) {
        return new KafkaEnrollmentRequestPublisher(kafka, ingress.publishTimeout(), clock);
    }
}
