package org.realitycheck.hep.sim;

import java.util.SplittableRandom;

import org.realitycheck.hep.track.TrackParameters;

/**
 * Draws single charged tracks. Defaults (docs/science.md): p_T log-uniform in [0.5, 100] GeV, η uniform in
 * [−1, 1], φ0 uniform, charge ±1 with equal probability, d0 ~ N(0, 0.01 mm), z0 ~ N(0, 50 mm).
 *
 * @param ptMin lowest p_T, GeV, {@code > 0}
 * @param ptMax highest p_T, GeV, {@code >= ptMin}
 * @param etaMin lowest η
 * @param etaMax highest η, {@code >= etaMin}
 * @param d0Sigma σ of d0, mm, {@code >= 0}
 * @param z0Sigma σ of z0, mm, {@code >= 0}
 */
public record ParticleGun(double ptMin, double ptMax, double etaMin, double etaMax, double d0Sigma, double z0Sigma) {
    public ParticleGun {
        if (!(ptMin > 0) || !(ptMax >= ptMin) || Double.isInfinite(ptMax)) {
            throw new IllegalArgumentException("need 0 < ptMin <= ptMax < inf, got [" + ptMin + ", " + ptMax + "]");
        }
        if (!(etaMax >= etaMin) || Double.isInfinite(etaMin) || Double.isInfinite(etaMax)) {
            throw new IllegalArgumentException("need finite etaMin <= etaMax, got [" + etaMin + ", " + etaMax + "]");
        }
        if (!(d0Sigma >= 0) || !(z0Sigma >= 0)) {
            throw new IllegalArgumentException("d0Sigma and z0Sigma must be >= 0, got " + d0Sigma + ", " + z0Sigma);
        }
    }

    /** The defaults of docs/science.md. */
    public static ParticleGun defaults() {
        return new ParticleGun(0.5, 100.0, -1.0, 1.0, 0.01, 50.0);
    }

    public ParticleGun withPtRange(double min, double max) {
        return new ParticleGun(min, max, etaMin, etaMax, d0Sigma, z0Sigma);
    }

    public ParticleGun withEtaRange(double min, double max) {
        return new ParticleGun(ptMin, ptMax, min, max, d0Sigma, z0Sigma);
    }

    public ParticleGun withD0Sigma(double s) {
        return new ParticleGun(ptMin, ptMax, etaMin, etaMax, s, z0Sigma);
    }

    public ParticleGun withZ0Sigma(double s) {
        return new ParticleGun(ptMin, ptMax, etaMin, etaMax, d0Sigma, s);
    }

    /** Draws one track; consumes a fixed number of values from {@code rnd}. */
    public TrackParameters draw(SplittableRandom rnd) {
        double pt = ptMin == ptMax ? ptMin : Math.exp(Math.log(ptMin) + (Math.log(ptMax) - Math.log(ptMin)) * rnd.nextDouble());
        double eta = etaMin + (etaMax - etaMin) * rnd.nextDouble();
        double phi = Math.PI * (2 * rnd.nextDouble() - 1);
        int q = rnd.nextBoolean() ? 1 : -1;
        double d0 = d0Sigma * rnd.nextGaussian();
        double z0 = z0Sigma * rnd.nextGaussian();
        return TrackParameters.of(pt, q, phi, d0, z0, Math.sinh(eta));
    }
}
