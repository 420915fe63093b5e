package org.realitycheck.hep;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.testkit.PackageRules;

/** hep-module's packages form no cycle (gan-core's {@link PackageRules}, run by every module). */
class PackagesTest {
    @Test
    void packagesAreFreeOfCycles() {
        PackageRules.assertFreeOfCycles("org.realitycheck.hep");
    }

    /** A domain module never imports validation, the CLI or another domain. */
    @Test
    void onlyGanCoreIsImported() {
        PackageRules.assertNoDependency("org.realitycheck.hep", "org.realitycheck.validation..",
                "org.realitycheck.reports..", "org.realitycheck.cli..", "org.realitycheck.astro..");
    }

    /** The domain class and its role classes stay small: the work is in the sub-packages. */
    @Test
    void rootPackageClassesStaySmall() {
        PackageRules.assertRootFilesAtMost("org.realitycheck.hep", 200);
    }
}
