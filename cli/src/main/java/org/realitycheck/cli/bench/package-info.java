/**
 * The {@code realitycheck bench} harness: repeated timed runs with medians, analytic FLOP counts of
 * the default networks, the CPU peak and peak memory, and the side-by-side run of the PyTorch peer.
 */
package org.realitycheck.cli.bench;
