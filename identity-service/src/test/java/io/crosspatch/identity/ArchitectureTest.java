package io.crosspatch.identity;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.crosspatch.servicekit.testing.architecture.ServiceArchitecture;

/**
 * Keeps identity-service in the shape every Crosspatch service shares: domains on the JDK and the kernel only, use
 * cases reaching Kafka, Cassandra and the JOSE/CMS libraries only through ports, features meeting only through their
 * application APIs, and no cycles between features.
 */
@AnalyzeClasses(packages = "io.crosspatch.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests shape = ArchTests.in(ServiceArchitecture.class);
}
