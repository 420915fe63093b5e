/**
 * The toy simulation: the particle gun, exact helix propagation ({@link org.realitycheck.hep.sim.Helix})
 * through a described detector, Gaussian rφ/z smearing, optional Highland multiple scattering, hit
 * inefficiency and decays in flight, and the grouping of tracks into TrackML events with noise hits.
 * Everything random is drawn from a seeded {@link java.util.SplittableRandom}.
 */
package org.realitycheck.hep.sim;
