package io.crosspatch.reporting;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.crosspatch.servicekit.testing.architecture.ServiceArchitecture;

/** reporting-service has the shape every service has: the layering rules of {@link ServiceArchitecture}. */
@AnalyzeClasses(packages = "io.crosspatch.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests shape = ArchTests.in(ServiceArchitecture.class);
}
