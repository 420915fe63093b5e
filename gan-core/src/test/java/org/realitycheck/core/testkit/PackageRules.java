package org.realitycheck.core.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Package rules every module checks in its tests (ArchUnit): its packages form no cycle, and it does
 * not reach packages it must only see through an SPI. A failure throws an {@link AssertionError} that
 * names each cycle or each offending dependency with its class, member and line.
 */
public final class PackageRules {
    private PackageRules() {
    }

    /**
     * @param rootPackage e.g. {@code org.realitycheck.core}
     * @return the main (non-test) classes of that package and its sub-packages on the classpath
     */
    public static JavaClasses mainClasses(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    /**
     * Asserts that no two packages under {@code rootPackage} depend on each other, directly or through
     * others (each package, the root included, is one slice; sub-packages are slices of their own).
     */
    public static void assertFreeOfCycles(String rootPackage) {
        assertFreeOfCycles(rootPackage, mainClasses(rootPackage));
    }

    /** As {@link #assertFreeOfCycles(String)}, on classes imported by the caller (e.g. test fixtures). */
    public static void assertFreeOfCycles(String rootPackage, JavaClasses classes) {
        slices().matching(rootPackage.substring(0, rootPackage.lastIndexOf('.') + 1) + "(**)")
                .as("the packages of " + rootPackage)
                .should().beFreeOfCycles()
                .check(classes);
    }

    /**
     * Asserts that no main class under {@code rootPackage} uses a class in any of {@code forbidden}
     * (package patterns such as {@code org.realitycheck.astro..}).
     */
    public static void assertNoDependency(String rootPackage, String... forbidden) {
        noClasses().that().resideInAPackage(rootPackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .check(mainClasses(rootPackage));
    }

    /**
     * Asserts that no source file directly in a domain's root package is longer than {@code maxLines}: the
     * root holds the domain and its role classes, each small enough to read at once; the work they delegate
     * lives in sub-packages named for what it is (sim, fit, data, ...).
     *
     * @param rootPackage e.g. {@code org.realitycheck.astro}; its sources are read from
     *     {@code src/main/java} below the module (Surefire's working directory)
     * @param maxLines the largest file allowed
     */
    public static void assertRootFilesAtMost(String rootPackage, int maxLines) {
        java.nio.file.Path dir = java.nio.file.Path.of("src/main/java", rootPackage.split("\\."));
        java.util.List<String> big = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path f : files.filter(x -> x.toString().endsWith(".java")).sorted().toList()) {
                long n = java.nio.file.Files.readAllLines(f).size();
                if (n > maxLines) {
                    big.add(f.getFileName() + " (" + n + " lines)");
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + dir.toAbsolutePath(), e);
        }
        if (!big.isEmpty()) {
            throw new AssertionError("classes in " + rootPackage + " over " + maxLines + " lines (move the work they do "
                    + "into a sub-package): " + big);
        }
    }
}
