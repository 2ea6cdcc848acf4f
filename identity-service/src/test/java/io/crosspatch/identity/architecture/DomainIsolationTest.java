package io.crosspatch.identity.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Every feature's domain stays free of frameworks: Spring, Kafka, Cassandra, AWS, the Avro
 * contracts and the JOSE/CMS libraries stay outside. */
@AnalyzeClasses(packages = "io.crosspatch.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainIsolationTest {

    @ArchTest
    static final ArchRule domainIsFrameworkFree = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "com.datastax..", "software.amazon..", "org.apache.avro..", "io.crosspatch.events..",
                    "jakarta.servlet..", "com.nimbusds..", "org.bouncycastle..");
}
