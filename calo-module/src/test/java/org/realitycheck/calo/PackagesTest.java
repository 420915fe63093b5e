package org.realitycheck.calo;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.testkit.PackageRules;

/** calo-module's packages form no cycle (gan-core's {@link PackageRules}, run by every module). */
class PackagesTest {
    @Test
    void packagesAreFreeOfCycles() {
        PackageRules.assertFreeOfCycles("org.realitycheck.calo");
    }

    /** A domain module never imports validation, the CLI or another domain. */
    @Test
    void onlyGanCoreIsImported() {
        PackageRules.assertNoDependency("org.realitycheck.calo", "org.realitycheck.validation..",
                "org.realitycheck.reports..", "org.realitycheck.cli..", "org.realitycheck.astro..",
                "org.realitycheck.hep..");
    }

    /** The domain class and its role classes stay small: the work is in the sub-packages. */
    @Test
    void rootPackageClassesStaySmall() {
        PackageRules.assertRootFilesAtMost("org.realitycheck.calo", 200);
    }
}
