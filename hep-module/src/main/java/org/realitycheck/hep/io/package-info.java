/**
 * TrackML-style CSV files (hits, particles, truth per event; mm and GeV), read and written with
 * Apache Commons CSV. Writes are atomic per file; malformed input fails with a
 * {@link org.realitycheck.core.BadInputException} naming file, line and column.
 */
package org.realitycheck.hep.io;
