package org.realitycheck.validation;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.testkit.PackageRules;

/** validation's packages form no cycle (gan-core's {@link PackageRules}, run by every module). */
class PackagesTest {
    @Test
    void packagesAreFreeOfCycles() {
        PackageRules.assertFreeOfCycles("org.realitycheck.validation");
    }

    /** Validation sees a domain only through the Domain SPI. */
    @Test
    void noDomainIsImported() {
        PackageRules.assertNoDependency("org.realitycheck.validation", "org.realitycheck.astro..", "org.realitycheck.hep..");
    }
}
