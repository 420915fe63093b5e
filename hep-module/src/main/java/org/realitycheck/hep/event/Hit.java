package org.realitycheck.hep.event;

/**
 * One row of a TrackML {@code -hits.csv}: a measured space point.
 *
 * @param hitId unique id in its event, {@code >= 1}
 * @param x x, mm
 * @param y y, mm
 * @param z z, mm
 * @param volumeId detector volume (TrackML numbering: 8 pixel, 13 short strips, 17 long strips)
 * @param layerId layer inside the volume (2, 4, 6, …)
 * @param moduleId module inside the layer
 */
public record Hit(long hitId, double x, double y, double z, int volumeId, int layerId, int moduleId) {
    public Hit {
        if (hitId < 1) {
            throw new IllegalArgumentException("hitId must be >= 1, got " + hitId);
        }
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("hit " + hitId + " position must be finite, got " + x + ", " + y + ", " + z);
        }
    }
}
