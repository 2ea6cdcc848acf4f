package io.crosspatch.account.vending;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain holds the rules of account vending and nothing of the frameworks and clients around it. */
@AnalyzeClasses(packages = "io.crosspatch.account", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFreeOfInfrastructure = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "software.amazon..", "com.datastax..", "jakarta..");

    /** The application layer talks to Kafka, AWS, Cassandra and HTTP only through its own ports. */
    @ArchTest
    static final ArchRule applicationDoesNotUseAdapters = noClasses().that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage("io.crosspatch.account..messaging..", "io.crosspatch.account..aws..",
                    "io.crosspatch.account..persistence..", "io.crosspatch.account..web..",
                    "software.amazon..", "com.datastax..", "org.apache.kafka..");
}
