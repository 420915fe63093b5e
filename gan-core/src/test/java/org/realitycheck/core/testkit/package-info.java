/**
 * The contract test kit, published as gan-core's test-jar: abstract JUnit 5 classes that every
 * {@link org.realitycheck.core.Domain}, {@link org.realitycheck.core.ConventionalMethod} and
 * {@link org.realitycheck.core.Observable} test extends (Hipparchus' {@code RealDistributionAbstractTest}
 * style), and {@link org.realitycheck.core.testkit.PackageRules}, the package-cycle assertion every module
 * runs. A third-party domain author adds {@code gan-core} with {@code <type>test-jar</type>} and
 * {@code <scope>test</scope>}, plus junit-jupiter, assertj-core, jackson-dataformat-yaml and archunit.
 */
package org.realitycheck.core.testkit;
