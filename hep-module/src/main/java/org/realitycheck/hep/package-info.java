/**
 * Track reconstruction as a realitycheck domain ({@link org.realitycheck.hep.HepDomain}, registered through
 * {@link java.util.ServiceLoader}) and the pieces it delegates to: simulation options
 * ({@link org.realitycheck.hep.HepOptions}), the probes the checks use
 * ({@link org.realitycheck.hep.TrackProbes}), recovery scoring ({@link org.realitycheck.hep.TrackRecovery})
 * and the training recipe ({@link org.realitycheck.hep.TrackTraining}). Package dependencies point one way:
 * track ← event ← io; track, detector ← sim; sim ← fit; track ← observables, gan; data (samples) ← this
 * package.
 */
package org.realitycheck.hep;
