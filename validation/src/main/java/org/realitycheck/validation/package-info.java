/**
 * The gate: {@link org.realitycheck.validation.Check}s measure a model through the {@link org.realitycheck.core.Domain}
 * SPI, a {@link org.realitycheck.validation.Policy} judges what they measured ({@link org.realitycheck.validation.Judge}),
 * and {@link org.realitycheck.validation.RealityCheck} runs the suite into a {@link org.realitycheck.validation.SuiteResult}.
 * The checks live in {@code checks}, statistics in {@code stats}, file formats in {@code io}.
 */
package org.realitycheck.validation;
