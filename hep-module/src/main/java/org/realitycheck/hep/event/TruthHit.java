package org.realitycheck.hep.event;

/**
 * One row of a TrackML {@code -truth.csv}: which particle made a hit, where it truly crossed the
 * layer and its momentum there. Noise hits have {@code particleId = 0}.
 *
 * @param hitId the hit, as in the hits file
 * @param particleId the particle, or 0 for noise
 * @param tx true x, mm
 * @param ty true y, mm
 * @param tz true z, mm
 * @param tpx true momentum x at the hit, GeV
 * @param tpy true momentum y, GeV
 * @param tpz true momentum z, GeV
 * @param weight TrackML scoring weight; the weights of an event sum to 1 (0 for noise)
 */
public record TruthHit(long hitId, long particleId, double tx, double ty, double tz, double tpx, double tpy,
        double tpz, double weight) {
    public TruthHit {
        if (hitId < 1 || particleId < 0) {
            throw new IllegalArgumentException("need hitId >= 1 and particleId >= 0, got " + hitId + ", " + particleId);
        }
    }
}
