/**
 * The TrackML event model: hits, particles and hit-to-particle truth, as written to and read from
 * the {@code event<9 digits>-hits/particles/truth.csv} files (mm, GeV).
 */
package org.realitycheck.hep.event;
