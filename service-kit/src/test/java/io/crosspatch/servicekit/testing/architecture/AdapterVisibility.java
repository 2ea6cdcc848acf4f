package io.crosspatch.servicekit.testing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.crosspatch.servicekit.architecture.UsedByComponentBenchmarks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The visibility rule of the shape {@link ServiceArchitecture} describes: adapters are package-private where Java
 * allows (a program's {@code main} class and the Spring Boot application class are entry points, public by
 * nature; a type marked {@link UsedByComponentBenchmarks} is used by a benchmark module this rule cannot see). It is
 * kept apart from the layering rules because it must see a service's tests as well as its main code
 * (a test in another package is a legitimate reason for an adapter to be public), while the layering rules are about
 * main code only. Each service runs it from an {@code AdapterVisibilityTest} that imports both:
 * {@code @AnalyzeClasses(packages = "io.crosspatch.<service>")} with
 * {@code @ArchTest static final ArchTests visibility = ArchTests.in(AdapterVisibility.class);}.
 */
public final class AdapterVisibility {

    private AdapterVisibility() {}

    /**
     * An adapter is public only when another package needs it. Spring wires package-private classes as readily as
     * public ones, so a public adapter used only beside itself is an invitation to reach into it. The check sees the
     * classes it is given: a service runs it over its main and test classes together, so that a test or a support
     * class in another package that uses an adapter keeps it public.
     */
    @ArchTest
    public static final ArchRule adaptersArePublicOnlyWhenAnotherPackageUsesThem = classes()
            .that()
            .resideInAPackage("io.crosspatch..")
            .should(new BePackagePrivateUnlessUsedElsewhere())
            .because("an adapter that nothing else needs stays package-private, so only its own package can use it")
            .allowEmptyShould(true);

    /**
     * Judges each public top-level adapter by the uses of it and of its nested types (a test that builds
     * {@code StatusView.Activation} needs {@code StatusView} public too), so it first gathers every class it is
     * given.
     */
    private static final class BePackagePrivateUnlessUsedElsewhere extends ArchCondition<JavaClass> {

        private final Map<JavaClass, List<JavaClass>> nestedTypes = new HashMap<>();

        BePackagePrivateUnlessUsedElsewhere() {
            super("be used from another package, or be package-private");
        }

        @Override
        public void init(Collection<JavaClass> allClasses) {
            for (JavaClass type : allClasses) {
                outermost(type)
                        .ifPresent(top -> nestedTypes
                                .computeIfAbsent(top, key -> new ArrayList<>())
                                .add(type));
            }
        }

        @Override
        public void check(JavaClass type, ConditionEvents events) {
            if (!isPublicAdapter(type) || isEntryPoint(type) || type.isAnnotatedWith(UsedByComponentBenchmarks.class)) {
                return;
            }
            boolean usedElsewhere = nestedTypes.getOrDefault(type, List.of(type)).stream()
                    .flatMap(member -> member.getDirectDependenciesToSelf().stream())
                    .anyMatch(use -> !use.getOriginClass().getPackageName().equals(type.getPackageName()));
            if (!usedElsewhere) {
                events.add(SimpleConditionEvent.violated(
                        type, type.getName() + " is public but used only inside " + type.getPackageName()));
            }
        }

        private static boolean isPublicAdapter(JavaClass type) {
            return type.isTopLevelClass()
                    && type.getModifiers().contains(JavaModifier.PUBLIC)
                    && ServiceArchitecture.Location.of(type)
                            .filter(at -> !at.isApiLayer())
                            .isPresent();
        }

        /** A program's {@code main} class and the Spring Boot application class are public by nature. */
        private static boolean isEntryPoint(JavaClass type) {
            return type.isAnnotatedWith("org.springframework.boot.autoconfigure.SpringBootApplication")
                    || type.getMethods().stream()
                            .anyMatch(m -> m.getName().equals("main")
                                    && m.getModifiers().contains(JavaModifier.STATIC));
        }

        private static Optional<JavaClass> outermost(JavaClass type) {
            Optional<JavaClass> current = Optional.of(type);
            while (current.flatMap(JavaClass::getEnclosingClass).isPresent()) {
                current = current.flatMap(JavaClass::getEnclosingClass);
            }
            return current;
        }
    }
}
