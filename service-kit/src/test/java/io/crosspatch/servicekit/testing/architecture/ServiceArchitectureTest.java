package io.crosspatch.servicekit.testing.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ServiceArchitecture} against a small planted codebase that breaks exactly that rule, and
 * against one built to the rules: a rule that could not fail, or that failed on the intended shape, would be
 * caught here before any service relies on it.
 */
class ServiceArchitectureTest {

    @Test
    void catchesADomainThatDependsOnAnAdapter() {
        assertOnlyViolated(
                classesOf("io.crosspatch.fixturedomain"),
                ServiceArchitecture.domainDependsOnTheJdkOnly,
                "Invoice",
                "InvoiceRow");
    }

    @Test
    void catchesAUseCaseThatCallsAConcreteRepository() {
        assertOnlyViolated(
                classesOf("io.crosspatch.fixtureapplication"),
                ServiceArchitecture.applicationDependsOnDomainPortsAndKit,
                "Billing",
                "InvoiceTable");
    }

    @Test
    void catchesAFeatureReachingIntoAnotherFeaturesAdapter() {
        assertOnlyViolated(
                classesOf("io.crosspatch.fixturefeatures"),
                ServiceArchitecture.featuresMeetThroughApplicationApis,
                "ShipmentListener",
                "feature 'billing'");
    }

    @Test
    void catchesFeaturesThatNeedEachOther() {
        assertOnlyViolated(
                classesOf("io.crosspatch.fixturecycle"),
                ServiceArchitecture.featuresFormNoCycles,
                "fixturecycle feature billing",
                "fixturecycle feature shipping");
    }

    @Test
    void catchesAPublicAdapterThatOnlyItsOwnPackageUses() {
        EvaluationResult result = AdapterVisibility.adaptersArePublicOnlyWhenAnotherPackageUsesThem.evaluate(
                classesOf("io.crosspatch.fixturevisibility"));

        assertThat(result.getFailureReport().getDetails())
                .singleElement()
                .asString()
                .contains("fixturevisibility.orders.web.OrderController is public but used only inside");
    }

    @Test
    void passesAdaptersThatArePackagePrivateOrUsedElsewhere() {
        assertThatCode(() -> AdapterVisibility.adaptersArePublicOnlyWhenAnotherPackageUsesThem.check(
                        classesOf("io.crosspatch.fixturetidy")))
                .doesNotThrowAnyException();
    }

    @Test
    void passesCodeBuiltToTheRules() {
        JavaClasses tidy = classesOf("io.crosspatch.fixturetidy");

        for (ArchRule rule : ServiceArchitecture.rules()) {
            assertThatCode(() -> rule.check(tidy)).as(rule.getDescription()).doesNotThrowAnyException();
        }
    }

    private static void assertOnlyViolated(JavaClasses classes, ArchRule broken, String... reportMentions) {
        EvaluationResult result = broken.evaluate(classes);
        assertThat(result.hasViolation())
                .as("the planted violation of: " + broken.getDescription())
                .isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains(List.of(reportMentions));
        for (ArchRule rule : ServiceArchitecture.rules()) {
            if (rule != broken) {
                assertThat(rule.evaluate(classes).hasViolation())
                        .as(rule.getDescription())
                        .isFalse();
            }
        }
    }

    private static JavaClasses classesOf(String pkg) {
        return new ClassFileImporter().importPackages(pkg);
    }
}
