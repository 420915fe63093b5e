package org.realitycheck.cli;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.testkit.PackageRules;

/** cli's packages form no cycle (gan-core's {@link PackageRules}, run by every module). */
class PackagesTest {
    @Test
    void packagesAreFreeOfCycles() {
        PackageRules.assertFreeOfCycles("org.realitycheck.cli");
    }
}
