/**
 * Track reconstruction as a realitycheck domain: a toy barrel tracking detector, TrackML-style CSV
 * files, the conventional (Karimäki) helix fit as the reference and as the GAN's training target,
 * and {@link org.realitycheck.hep.HepDomain}, registered through {@link java.util.ServiceLoader}.
 * {@link org.realitycheck.hep.track.TrackParameters} fixes the perigee convention every sub-package uses.
 */
package org.realitycheck.hep;
