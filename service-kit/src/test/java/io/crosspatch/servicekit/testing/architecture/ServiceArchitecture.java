package io.crosspatch.servicekit.testing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one set of layering rules every Crosspatch service is built to, run by each service's {@code ArchitectureTest}
 * ({@code @ArchTest static final ArchTests shape = ArchTests.in(ServiceArchitecture.class);} over its main classes).
 *
 * <p>A service is {@code io.crosspatch.<service>}; inside it, package by feature with layers inside the feature:
 * {@code io.crosspatch.<service>.<feature>.<layer>[..]}. The layers are {@code domain} (the rules),
 * {@code application} (use cases and the ports they need) and adapters (everything else: {@code messaging},
 * {@code persistence}, {@code aws}, {@code web}, {@code security}, …). Packages directly under the service that
 * hold no layer (the application class, service-wide web or security set-up) are adapters of the whole service.
 *
 * <ul>
 *   <li>{@link #domainDependsOnTheJdkOnly}: a domain depends on the JDK, the shared kernel and domains only — so
 *       its rules are read and tested without Kafka, Avro, AWS, Cassandra or Spring.
 *   <li>{@link #applicationDependsOnDomainPortsAndKit}: a use case reaches Kafka, Cassandra, AWS and HTTP only
 *       through ports it declares; adapters implement them. Spring's core annotations and service-kit are allowed,
 *       adapters, their libraries and the Avro contracts are not.
 *   <li>{@link #featuresMeetThroughApplicationApis}: one feature uses another only through that feature's
 *       {@code application} API and {@code domain} types, never its adapters.
 *   <li>{@link #featuresFormNoCycles}: features depend on each other in one direction.
 * </ul>
 * The rules are patterns over package names, so they hold for any service without naming it; the planted-violation
 * test in service-kit proves each one fails on code that breaks it.
 */
public final class ServiceArchitecture {

    static final String DOMAIN = "domain";
    static final String APPLICATION = "application";

    private ServiceArchitecture() {}

    /** What a domain may see: the JDK, the shared kernel, nullness annotations and domain packages. */
    @ArchTest
    public static final ArchRule domainDependsOnTheJdkOnly = classes()
            .that()
            .resideInAPackage("io.crosspatch..domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "io.crosspatch.kernel..", "io.crosspatch..domain..", "org.jspecify..")
            .because("a domain holds rules only, readable and testable without any framework or client library")
            .allowEmptyShould(true);

    /** What a use case may see: domains, application packages (its ports), service-kit and the core of Spring. */
    @ArchTest
    public static final ArchRule applicationDependsOnDomainPortsAndKit = classes()
            .that()
            .resideInAPackage("io.crosspatch..application..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    "io.crosspatch.kernel..",
                    "io.crosspatch..domain..",
                    "io.crosspatch..application..",
                    "io.crosspatch.servicekit..",
                    "org.springframework.beans..",
                    "org.springframework.context..",
                    "org.springframework.stereotype..",
                    "org.springframework.scheduling..",
                    "org.springframework.boot.context.properties..",
                    "org.springframework.util..",
                    "org.springframework.lang..",
                    "org.slf4j..",
                    "io.micrometer..",
                    "org.jspecify..")
            .because("a use case reaches Kafka, Cassandra, AWS and HTTP only through ports that adapters implement")
            .allowEmptyShould(true);

    /** One feature uses another through its application API and domain types, never through its adapters. */
    @ArchTest
    public static final ArchRule featuresMeetThroughApplicationApis = classes()
            .that()
            .resideInAPackage("io.crosspatch..")
            .should(new ArchCondition<JavaClass>("use other features only through their application API or domain") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    Optional<Location> from = Location.of(origin);
                    if (from.isEmpty() || from.get().feature().isEmpty()) {
                        return; // service-wide wiring (the application class, shared security) may see every part
                    }
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        Location.of(dependency.getTargetClass())
                                .filter(to -> to.service().equals(from.get().service()))
                                .filter(to -> to.feature().isPresent()
                                        && !to.feature().equals(from.get().feature()))
                                .filter(to -> !to.isApiLayer())
                                .ifPresent(to -> events.add(SimpleConditionEvent.violated(
                                        dependency,
                                        dependency.getDescription() + " reaches into an adapter of feature '"
                                                + to.feature().get() + "'")));
                    }
                }
            })
            .because("features meet only through each other's application API, so an adapter can change alone")
            .allowEmptyShould(true);

    /** Features of one service depend on each other in one direction. */
    @ArchTest
    public static final ArchRule featuresFormNoCycles = slices().matching("io.crosspatch.(*).(*)..")
            .namingSlices("$1 feature $2")
            .should()
            .beFreeOfCycles()
            .allowEmptyShould(true);

    /** Every rule above, for callers that check imported classes themselves. */
    public static List<ArchRule> rules() {
        return List.of(
                domainDependsOnTheJdkOnly,
                applicationDependsOnDomainPortsAndKit,
                featuresMeetThroughApplicationApis,
                featuresFormNoCycles);
    }

    /**
     * Where a class sits: its service, its feature (absent for service-wide packages) and the first package segment
     * inside the feature. A feature is a package under the service that has layer packages inside it.
     */
    record Location(String service, Optional<String> feature, Optional<String> layer) {

        private static final Set<String> SHARED_MODULES = Set.of("kernel", "servicekit", "schemas", "events");

        static Optional<Location> of(JavaClass type) {
            String[] parts = type.getPackageName().split("\\.");
            if (parts.length < 3
                    || !parts[0].equals("io")
                    || !parts[1].equals("crosspatch")
                    || SHARED_MODULES.contains(parts[2])) {
                return Optional.empty();
            }
            if (parts.length < 5) {
                return Optional.of(new Location(parts[2], Optional.empty(), Optional.empty()));
            }
            return Optional.of(new Location(parts[2], Optional.of(parts[3]), Optional.of(parts[4])));
        }

        boolean isApiLayer() {
            return layer.filter(l -> l.equals(DOMAIN) || l.equals(APPLICATION)).isPresent();
        }
    }
}
