package io.crosspatch.identity.role;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Marks a bean of the verifier role: the consumer of {@code enrollment.requested}, the provider verifiers with their
 * trust sources, and the verdict publisher. {@code crosspatch.identity.verifier.enabled=false} (the {@code ingress}
 * profile) leaves every bean so marked out, so the ingress holds no trust sources and can be scaled alone. One
 * annotation rather than the property condition spelled on each class, so the roles cannot drift apart.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = VerifierRole.ENABLED, havingValue = "true", matchIfMissing = true)
public @interface VerifierRole {

    /** The switch of the role; absent means on. */
    String ENABLED = "crosspatch.identity.verifier.enabled";
}
