/**
 * The toy tracking detector and particle gun: a uniform solenoid, concentric barrel layers with
 * Gaussian rφ/z resolution, exact helix propagation ({@link org.realitycheck.hep.sim.Helix}), optional
 * Highland multiple scattering, hit inefficiency and decays in flight. Everything random is drawn
 * from a seeded {@link java.util.SplittableRandom}.
 */
package org.realitycheck.hep.sim;
