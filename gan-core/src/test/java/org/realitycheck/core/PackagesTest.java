package org.realitycheck.core;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.testkit.PackageRules;

/** gan-core's packages form no cycle: the SPI at the root, implementations in sub-packages above it. */
class PackagesTest {
    @Test
    void packagesAreFreeOfCycles() {
        PackageRules.assertFreeOfCycles("org.realitycheck.core");
    }
}
