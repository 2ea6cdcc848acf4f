package io.crosspatch.identity;

import com.datastax.oss.driver.api.core.CqlSession;
import io.crosspatch.identity.enrollment.messaging.KafkaEnrollmentRequestPublisher;
import io.crosspatch.identity.enrollment.persistence.EnrollmentRepository;
import io.crosspatch.identity.web.IngressProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Builds the enrollment feature's adapters that take ingress settings (the publish timeout, the pending TTL). At the
 * service's root because those settings belong to the service-wide {@code web} package, which also maps the
 * enrollment feature's errors to HTTP: were the enrollment feature to read the settings itself, the two packages
 * would depend on each other (the layering rules refuse the cycle).
 */
@Configuration(proxyBeanMethods = false)
class IngressSettingsConfiguration {

    @Bean
    KafkaEnrollmentRequestPublisher enrollmentRequestPublisher(
            KafkaTemplate<String, Object> kafka, IngressProperties ingress, Clock clock) {
        return new KafkaEnrollmentRequestPublisher(kafka, ingress.publishTimeout(), clock);
    }

    @Bean
    EnrollmentRepository enrollmentRepository(CqlSession session, IngressProperties ingress) {
        return new EnrollmentRepository(session, ingress.pendingTtl());
    }
}
