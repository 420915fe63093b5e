package org.realitycheck.hep.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.realitycheck.hep.detector.Detector;
import org.realitycheck.hep.track.TrackParameters;

/**
 * Propagates tracks through a {@link Detector}: helix to each layer in turn ({@link Helix}), stop at
 * the first layer the track cannot reach (it curls, r ≥ 2R for a track from the axis), no hit
 * beyond the barrel half-length, a hit with probability {@code efficiency}, Gaussian smearing of
 * the crossing point along the layer (rφ) and in z, and, when enabled, Highland multiple
 * scattering after each layer. Deterministic: the same parameters and generator state give the
 * same track. Thread-safe (no mutable state); use one generator per thread.
 */
public final class TrackSimulator {
    /** Charged pion mass, GeV, for β in the Highland formula (PDG). */
    static final double PION_MASS = 0.13957;

    private final Detector detector;

    /** @param detector the detector, never null */
    public TrackSimulator(Detector detector) {
        this.detector = Objects.requireNonNull(detector, "detector");
    }

    public Detector detector() {
        return detector;
    }

    /** Simulates one track with the detector's smearing, efficiency and (optional) scattering. */
    public SimTrack simulate(TrackParameters truth, SplittableRandom rnd) {
        return run(truth, rnd, null, true);
    }

    /** Simulates one track that decays in flight at {@code kink}. */
    public SimTrack simulate(TrackParameters truth, Kink kink, SplittableRandom rnd) {
        return run(truth, rnd, Objects.requireNonNull(kink, "kink"), true);
    }

    /**
     * The exact crossing points: no smearing, no scattering, full efficiency (only geometry decides
     * which layers are hit). Measured and true positions coincide.
     */
    public SimTrack propagateExact(TrackParameters truth) {
        return run(truth, null, null, false);
    }

    /**
     * Draws {@code n} tracks from {@code gun} and simulates them; track {@code i} uses the
     * {@code i}-th split of {@code new SplittableRandom(seed)}.
     */
    public List<SimTrack> simulate(ParticleGun gun, int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        SplittableRandom master = new SplittableRandom(seed);
        List<SimTrack> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SplittableRandom r = master.split();
            out.add(simulate(gun.draw(r), r));
        }
        return out;
    }

    private SimTrack run(TrackParameters truth, SplittableRandom rnd, Kink kink, boolean realistic) {
        int layers = detector.layers();
        double[] meas = new double[3 * layers];
        double[] tru = new double[3 * layers];
        double[] mom = new double[3 * layers];
        Arrays.fill(meas, Double.NaN);
        Arrays.fill(tru, Double.NaN);
        Arrays.fill(mom, Double.NaN);
        boolean[] hit = new boolean[layers];
        double b = detector.bField();
        Helix h = Helix.at(truth, b);
        boolean kinked = kink == null;
        for (int i = 0; i < layers; i++) {
            double r = detector.radius(i);
            if (!kinked && kink.radius() < r) {
                if (!h.toRadius(kink.radius())) {
                    break;
                }
                h.deflect(kink.angle(), h.cotTheta(), h.rho() / kink.ptFraction());
                kinked = true;
            }
            if (!h.toRadius(r)) {
                break; // curls: every outer layer is out of reach too
            }
            if (Math.abs(h.z()) > detector.halfLength(i)) {
                continue;
            }
            double pt = ptOf(h.rho(), b);
            tru[3 * i] = h.x();
            tru[3 * i + 1] = h.y();
            tru[3 * i + 2] = h.z();
            mom[3 * i] = pt * h.cosPhi();
            mom[3 * i + 1] = pt * h.sinPhi();
            mom[3 * i + 2] = pt * h.cotTheta();
            if (!realistic) {
                hit[i] = true;
                System.arraycopy(tru, 3 * i, meas, 3 * i, 3);
                continue;
            }
            if (detector.efficiency() >= 1 || rnd.nextDouble() < detector.efficiency()) {
                hit[i] = true;
                double a = detector.sigmaRphi(i) * rnd.nextGaussian() / r;
                double ca;
                double sa;
                if (Math.abs(a) < 1e-2) {
                    // Taylor series, exact in double precision for |a| < 0.01 (next terms < 1e-17)
                    double a2 = a * a;
                    ca = 1 - a2 / 2 * (1 - a2 / 12 * (1 - a2 / 30));
                    sa = a * (1 - a2 / 6 * (1 - a2 / 20));
                } else {
                    ca = Math.cos(a);
                    sa = Math.sin(a);
                }
                meas[3 * i] = h.x() * ca - h.y() * sa;
                meas[3 * i + 1] = h.x() * sa + h.y() * ca;
                meas[3 * i + 2] = h.z() + detector.sigmaZ(i) * rnd.nextGaussian();
            }
            if (detector.multipleScattering()) {
                scatter(h, pt, rnd);
            }
        }
        return new SimTrack(truth, meas, tru, mom, hit, kink);
    }

    /** Highland scattering in a barrel layer: two independent plane angles of width θ0. */
    private void scatter(Helix h, double pt, SplittableRandom rnd) {
        double cot = h.cotTheta();
        double sinTheta = 1 / Math.sqrt(1 + cot * cot);
        double p = pt / sinTheta;
        double beta = p / Math.sqrt(p * p + PION_MASS * PION_MASS);
        double x = detector.materialPerLayer() / sinTheta;
        double theta0 = 0.0136 / (beta * p) * Math.sqrt(x) * (1 + 0.038 * Math.log(x));
        double lambda = Math.atan(cot);
        double lambdaNew = lambda + theta0 * rnd.nextGaussian();
        double dPhi = theta0 * rnd.nextGaussian() / Math.cos(lambda);
        double ptNew = p * Math.cos(lambdaNew);
        h.deflect(dPhi, Math.tan(lambdaNew), h.rho() * pt / ptNew);
    }

    /** @return p_T in GeV of a track with curvature {@code rho} (1/mm): 0.2998·B·10⁻³/|ρ| */
    private static double ptOf(double rho, double bField) {
        return TrackParameters.Units.C_LIGHT * bField * 1e-3 / Math.abs(rho);
    }
}
