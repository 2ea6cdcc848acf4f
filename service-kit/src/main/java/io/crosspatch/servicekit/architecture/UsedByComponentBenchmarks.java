package io.crosspatch.servicekit.architecture;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says why a type that only its own package uses inside the service is public: a component benchmark
 * ({@code bench/components/<service>}, a separate module that depends on the service's jar and test jar) uses it from
 * the benchmark's package. The visibility rule every service runs over its main and test classes cannot see those
 * modules, so it takes this annotation as the reason instead; name the benchmark in the annotated type's Javadoc.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface UsedByComponentBenchmarks {}
