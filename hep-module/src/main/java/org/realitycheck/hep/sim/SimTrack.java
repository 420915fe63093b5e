package org.realitycheck.hep.sim;

import java.util.Optional;

import org.realitycheck.hep.track.HitVector;
import org.realitycheck.hep.track.TrackParameters;

/**
 * One simulated track: its true perigee parameters and, per detector layer, whether it left a hit,
 * the measured (smeared) position, the true crossing point and the true momentum there. Immutable;
 * positions in mm, momenta in GeV; values of layers without a hit are NaN.
 */
public final class SimTrack {
    private final TrackParameters truth;
    private final double[] meas;
    private final double[] tru;
    private final double[] mom;
    private final boolean[] hit;
    private final int nHits;
    private final Kink kink;

    SimTrack(TrackParameters truth, double[] meas, double[] tru, double[] mom, boolean[] hit, Kink kink) {
        this.truth = truth;
        this.meas = meas;
        this.tru = tru;
        this.mom = mom;
        this.hit = hit;
        int n = 0;
        for (boolean h : hit) {
            if (h) {
                n++;
            }
        }
        this.nHits = n;
        this.kink = kink;
    }

    /** @return the true perigee parameters (of the parent, for a kinked track) */
    public TrackParameters truth() {
        return truth;
    }

    /** @return the decay in flight, when this track has one */
    public Optional<Kink> kink() {
        return Optional.ofNullable(kink);
    }

    /** @return number of layers of the detector */
    public int layers() {
        return hit.length;
    }

    /** @return number of layers with a hit */
    public int hitCount() {
        return nHits;
    }

    /** @return true when layer {@code i} recorded a hit */
    public boolean hasHit(int i) {
        return hit[i];
    }

    /** @return measured x on layer {@code i}, mm (NaN without a hit) */
    public double x(int i) {
        return meas[3 * i];
    }

    /** @return measured y on layer {@code i}, mm */
    public double y(int i) {
        return meas[3 * i + 1];
    }

    /** @return measured z on layer {@code i}, mm */
    public double z(int i) {
        return meas[3 * i + 2];
    }

    /** @return true crossing point on layer {@code i}, component {@code k} (0 = x, 1 = y, 2 = z), mm */
    public double truePosition(int i, int k) {
        return tru[3 * i + k];
    }

    /** @return true momentum at layer {@code i}, component {@code k} (0 = x, 1 = y, 2 = z), GeV */
    public double trueMomentum(int i, int k) {
        return mom[3 * i + k];
    }

    /** @return the condition vector ({@link HitVector} layout) */
    public float[] hitVector() {
        float[] v = new float[HitVector.length(hit.length)];
        for (int i = 0; i < hit.length; i++) {
            if (hit[i]) {
                HitVector.set(v, i, meas[3 * i], meas[3 * i + 1], meas[3 * i + 2]);
            }
        }
        return v;
    }
}
