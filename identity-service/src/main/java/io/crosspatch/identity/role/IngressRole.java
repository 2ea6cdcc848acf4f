package io.crosspatch.identity.role;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Marks a bean of the ingress role: the VMs' HTTP API, its guards, the admin API and the enrollment status view. One
 * process runs the ingress, the verifier or (by default) both; {@code crosspatch.identity.ingress.enabled=false}
 * (the {@code verifier} profile) leaves every bean so marked out, so the verifier can be scaled alone. One annotation
 * rather than the property condition spelled on each class, so the roles cannot drift apart.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = IngressRole.ENABLED, havingValue = "true", matchIfMissing = true)
public @interface IngressRole {

    /** The switch of the role; absent means on. */
    String ENABLED = "crosspatch.identity.ingress.enabled";
}
