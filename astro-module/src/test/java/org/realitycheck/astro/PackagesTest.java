package org.realitycheck.astro;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.testkit.PackageRules;

/** astro-module's packages form no cycle (gan-core's {@link PackageRules}, run by every module). */
class PackagesTest {
    @Test
    void packagesAreFreeOfCycles() {
        PackageRules.assertFreeOfCycles("org.realitycheck.astro");
    }
}
