package io.crosspatch.account;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.crosspatch.servicekit.testing.architecture.AdapterVisibility;

/**
 * Keeps account-service's adapters package-private unless another package (main code or a test) uses them. Imports the
 * tests too, unlike {@link ArchitectureTest}: a test in another package is a reason for an adapter to be public.
 */
@AnalyzeClasses(packages = "io.crosspatch.account")
class AdapterVisibilityTest {

    @ArchTest
    static final ArchTests visibility = ArchTests.in(AdapterVisibility.class);
}
