/**
 * Tracks as realitycheck samples: simulated tracks and TrackML events turned into
 * {@link org.realitycheck.core.Sample}s, with what reading real files left out counted
 * ({@link org.realitycheck.hep.data.LoadReport}) and judged.
 */
package org.realitycheck.hep.data;
