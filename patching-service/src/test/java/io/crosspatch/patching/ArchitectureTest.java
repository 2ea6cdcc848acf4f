package io.crosspatch.patching;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.crosspatch.servicekit.testing.architecture.ServiceArchitecture;

/** patching-service is built to the shape every Crosspatch service shares (see {@link ServiceArchitecture}). */
@AnalyzeClasses(packages = "io.crosspatch.patching", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests shape = ArchTests.in(ServiceArchitecture.class);
}
