package org.realitycheck.onnx;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.testkit.PackageRules;

/** onnx-module is a model format: it sees gan-core only (gan-core's {@link PackageRules}, run by every module). */
class PackagesTest {
    @Test
    void packagesAreFreeOfCyclesAndImportOnlyGanCore() {
        PackageRules.assertFreeOfCycles("org.realitycheck.onnx");
        PackageRules.assertNoDependency("org.realitycheck.onnx", "org.realitycheck.validation..",
                "org.realitycheck.reports..", "org.realitycheck.cli..", "org.realitycheck.astro..",
                "org.realitycheck.hep..");
    }
}
