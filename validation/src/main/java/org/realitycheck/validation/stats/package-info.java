/**
 * Statistics for validating generative models against reference data: two-sample tests
 * (Kolmogorov–Smirnov, Anderson–Darling, permutation, MMD, classifier AUC), distances
 * (Wasserstein-1, separation power), robust widths and pulls, seeded bootstrap and exact
 * binomial intervals, and multiple-testing correction.
 * The accumulators ({@link org.realitycheck.validation.stats.Histogram},
 * {@link org.realitycheck.validation.stats.Moments},
 * {@link org.realitycheck.validation.stats.QuantileSketch}) are mergeable so that a check can
 * run sharded; every routine is deterministic given its seed, and each is tested against
 * scipy/numpy reference values under {@code src/test/resources/reference/stats/}.
 */
package org.realitycheck.validation.stats;
