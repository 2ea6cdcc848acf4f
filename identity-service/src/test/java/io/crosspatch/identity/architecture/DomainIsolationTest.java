package io.crosspatch.identity.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps every feature's {@code domain} free of Spring, Kafka, AWS, Cassandra, Avro and JOSE/CMS library types. */
@AnalyzeClasses(packages = "io.crosspatch.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainIsolationTest {

    @ArchTest
    static final ArchRule domainDependsOnNoFramework = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "software.amazon..", "com.datastax..", "org.apache.avro..", "io.crosspatch.events..",
                    "com.nimbusds..", "org.bouncycastle..");
}
