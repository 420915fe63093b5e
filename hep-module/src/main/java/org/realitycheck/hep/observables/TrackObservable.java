package org.realitycheck.hep.observables;

import java.util.List;
import java.util.OptionalDouble;

import org.realitycheck.core.Estimate;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Sample;
import org.realitycheck.hep.track.TrackParameters;

/**
 * The track observables: the five perigee parameters (q/p_T, φ0, d0, z0, cot θ), p_T and η, computed
 * from a target-shaped output {@code [q/pT, φ0, d0, z0, cotθ]}. Uncertainties come from the
 * conventional fit's σ, propagated to first order for p_T (σ = p_T²·σ(q/p_T)) and η
 * (σ = σ(cot θ)/√(1 + cot²θ)). Residuals of φ0 must be wrapped into (−π, π] by the caller
 * ({@link #residual}).
 */
public final class TrackObservable implements Observable {
    public static final TrackObservable Q_OVER_PT = new TrackObservable("q_over_pt", "1/GeV", 0);
    public static final TrackObservable PHI0 = new TrackObservable("phi0", "rad", 1);
    public static final TrackObservable D0 = new TrackObservable("d0", "mm", 2);
    public static final TrackObservable Z0 = new TrackObservable("z0", "mm", 3);
    public static final TrackObservable COT_THETA = new TrackObservable("cot_theta", "", 4);
    public static final TrackObservable PT = new TrackObservable("pt", "GeV", -1);
    public static final TrackObservable ETA = new TrackObservable("eta", "", -2);

    private static final List<TrackObservable> ALL = List.of(Q_OVER_PT, PHI0, D0, Z0, COT_THETA, PT, ETA);

    private final String id;
    private final String unit;
    private final int index;

    private TrackObservable(String id, String unit, int index) {
        this.id = id;
        this.unit = unit;
        this.index = index;
    }

    /** @return every observable, in declaration order */
    public static List<Observable> all() {
        return List.copyOf(ALL);
    }

    /** @return the five perigee parameters, in target order */
    public static List<TrackObservable> parameters() {
        return ALL.subList(0, 5);
    }

    @Override
    public String name() {
        return id;
    }

    @Override
    public String unit() {
        return unit;
    }

    @Override
    public double compute(float[] output, Sample sample) {
        if (output.length != TrackParameters.SIZE) {
            return Double.NaN;
        }
        if (index >= 0) {
            return output[index];
        }
        if (this == PT) {
            return output[0] == 0 ? Double.NaN : 1.0 / Math.abs(output[0]);
        }
        return TrackParameters.asinh(output[4]);
    }

    @Override
    public OptionalDouble uncertainty(Estimate estimate, Sample sample) {
        if (!estimate.hasSigma() || !estimate.valid()) {
            return OptionalDouble.empty();
        }
        float[] v = estimate.value();
        float[] s = estimate.sigma();
        if (index >= 0) {
            return OptionalDouble.of(s[index]);
        }
        if (this == PT) {
            double pt = 1.0 / Math.abs(v[0]);
            return OptionalDouble.of(pt * pt * s[0]);
        }
        return OptionalDouble.of(s[4] / Math.sqrt(1 + (double) v[4] * v[4]));
    }

    /** @return {@code estimate − truth}, wrapped into (−π, π] for φ0 */
    @Override
    public double residual(double estimate, double truth) {
        double r = estimate - truth;
        return this == PHI0 ? TrackParameters.wrapAngle(r) : r;
    }

    @Override
    public String toString() {
        return id;
    }

    /** @return index in the target vector, or −1 for p_T and −2 for η */
    public int index() {
        return index;
    }
}
