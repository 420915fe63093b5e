/**
 * The tracking detector as data: layer radii, z extents, resolutions, TrackML volume and layer ids and
 * the field ({@link org.realitycheck.hep.detector.Detector}), read from and written to a YAML description
 * ({@link org.realitycheck.hep.detector.DetectorYaml}). The toy detector and the TrackML barrel ship as
 * resources.
 */
package org.realitycheck.hep.detector;
