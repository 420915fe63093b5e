/**
 * The benchmark SPI: a domain module registers a {@link org.realitycheck.core.bench.BenchmarkProvider}
 * through {@link java.util.ServiceLoader}, so {@code realitycheck bench} measures its simulation and
 * conventional method without importing the domain's classes.
 */
package org.realitycheck.core.bench;
