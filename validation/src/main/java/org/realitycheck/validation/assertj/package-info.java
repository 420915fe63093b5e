/**
 * AssertJ assertions for gating a model in a JUnit test ({@link org.realitycheck.validation.assertj.RealityCheckAssertions}).
 * assertj-core is an optional dependency: add it to your test scope to use these.
 */
package org.realitycheck.validation.assertj;
