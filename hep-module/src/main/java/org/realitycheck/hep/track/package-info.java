/**
 * The track as every other hep package sees it: the perigee parameters and their convention
 * ({@link org.realitycheck.hep.track.TrackParameters}) and the fixed-length hit vector a model reads
 * ({@link org.realitycheck.hep.track.HitVector}). Depends on nothing else in hep.
 */
package org.realitycheck.hep.track;
