package org.realitycheck.reports;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.testkit.PackageRules;

/** reports's packages form no cycle (gan-core's {@link PackageRules}, run by every module). */
class PackagesTest {
    @Test
    void packagesAreFreeOfCycles() {
        PackageRules.assertFreeOfCycles("org.realitycheck.reports");
    }
}
