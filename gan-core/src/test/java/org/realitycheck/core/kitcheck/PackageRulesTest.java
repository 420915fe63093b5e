package org.realitycheck.core.kitcheck;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.testkit.PackageRules;

import com.tngtech.archunit.core.importer.ClassFileImporter;

/** A test of the package rules: a fixture cycle fails them, a layered fixture passes. */
class PackageRulesTest {
    @Test
    void aPackageCycleFailsTheCycleRuleNamingBothPackages() {
        String root = "org.realitycheck.core.kitcheck.cycle";
        assertThatThrownBy(() -> PackageRules.assertFreeOfCycles(root, new ClassFileImporter().importPackages(root)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("cycle.a").hasMessageContaining("cycle.b");
    }

    @Test
    void layeredPackagesPassIt() {
        String root = "org.realitycheck.core.kitcheck.layered";
        assertThatCode(() -> PackageRules.assertFreeOfCycles(root, new ClassFileImporter().importPackages(root)))
                .doesNotThrowAnyException();
    }
}
