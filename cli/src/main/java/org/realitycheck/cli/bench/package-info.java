/**
 * The {@code realitycheck bench} harness: the benchmarks of every registered
 * {@link org.realitycheck.core.bench.BenchmarkProvider} (the domains' own, their GAN networks alone and
 * their whole models), each in a fresh JVM with its own peak memory, timed by repeated runs with medians
 * after a warm-up that lasts until the rate is steady; analytic FLOP counts of the networks, the CPU's
 * peak, and the side-by-side run of the PyTorch peer on the same networks.
 */
package org.realitycheck.cli.bench;
