package org.realitycheck.astro;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.testkit.PackageRules;

/** astro-module's packages form no cycle (gan-core's {@link PackageRules}, run by every module). */
class PackagesTest {
    @Test
    void packagesAreFreeOfCycles() {
        PackageRules.assertFreeOfCycles("org.realitycheck.astro");
    }

    /** A domain module never imports validation, the CLI or another domain. */
    @Test
    void onlyGanCoreIsImported() {
        PackageRules.assertNoDependency("org.realitycheck.astro", "org.realitycheck.validation..",
                "org.realitycheck.reports..", "org.realitycheck.cli..", "org.realitycheck.hep..");
    }

    /** The domain class and its role classes stay small: the work is in the sub-packages. */
    @Test
    void rootPackageClassesStaySmall() {
        PackageRules.assertRootFilesAtMost("org.realitycheck.astro", 200);
    }
}
