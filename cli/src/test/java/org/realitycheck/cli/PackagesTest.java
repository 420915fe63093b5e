package org.realitycheck.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.testkit.PackageRules;

/**
 * cli's packages form no cycle (gan-core's {@link PackageRules}, run by every module), and cli reaches
 * the domains only through ServiceLoader ({@code Domain}, {@code BenchmarkProvider}).
 */
class PackagesTest {
    @Test
    void packagesAreFreeOfCycles() {
        PackageRules.assertFreeOfCycles("org.realitycheck.cli");
    }

    /**
     * No exception: {@code train --fit-field-scale} is a training option of the hep recipe
     * ({@code TrainingRecipe#trainingOptions}), so TrainCommand too sees only the SPI.
     */
    @Test
    void domainsAreReachedOnlyThroughServiceLoader() {
        noClasses().that().resideInAPackage("org.realitycheck.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.realitycheck.astro..", "org.realitycheck.hep..")
                .check(PackageRules.mainClasses("org.realitycheck.cli"));
    }
}
