package org.realitycheck.hep.fit;

import java.util.Objects;

import org.realitycheck.core.ForwardModel;
import org.realitycheck.core.Sample;
import org.realitycheck.hep.detector.Detector;
import org.realitycheck.hep.sim.Helix;
import org.realitycheck.hep.track.HitVector;
import org.realitycheck.hep.track.TrackParameters;

/**
 * Track parameters → predicted hits → χ² against the measured hits. The prediction is the exact helix
 * crossing on every layer the track reaches inside the barrel (no smearing, no scattering), in the
 * {@link HitVector} layout. The χ² sums, over the layers where the input has a hit,
 * (r·Δφ/σ_rφ)² + (Δz/σ_z)² with the layer resolutions; a measured layer the predicted track does
 * not reach adds {@link #MISSING_LAYER_CHI2} (a 100σ miss). ndf = 2n − 5 (at least 1), n the number
 * of measured hits. Outputs that are not a track (non-finite values, q/p_T = 0) predict no hits.
 */
public final class TrackForwardModel implements ForwardModel {
    /** χ² charged for a measured hit on a layer the predicted track never reaches: (100σ)². */
    public static final double MISSING_LAYER_CHI2 = 1e4;

    private final Detector detector;

    /** @param detector the detector, never null */
    public TrackForwardModel(Detector detector) {
        this.detector = Objects.requireNonNull(detector, "detector");
    }

    @Override
    public float[] forward(float[] output, Sample input) {
        float[] out = new float[HitVector.length(detector.layers())];
        double[] pred = predict(output);
        for (int i = 0; i < detector.layers(); i++) {
            if (!Double.isNaN(pred[3 * i])) {
                HitVector.set(out, i, pred[3 * i], pred[3 * i + 1], pred[3 * i + 2]);
            }
        }
        return out;
    }

    @Override
    public Consistency consistency(float[] output, Sample input) {
        float[] c = input.condition();
        int layers = detector.layers();
        if (HitVector.layers(c) != layers) {
            throw new IllegalArgumentException("input has " + HitVector.layers(c) + " layers, the detector " + layers);
        }
        double[] pred = predict(output);
        double chi2 = 0;
        int n = 0;
        for (int i = 0; i < layers; i++) {
            if (!HitVector.hasHit(c, i)) {
                continue;
            }
            n++;
            if (Double.isNaN(pred[3 * i])) {
                chi2 += MISSING_LAYER_CHI2;
                continue;
            }
            double dphi = TrackParameters.wrapAngle(Math.atan2(c[3 * i + 1], c[3 * i]) - Math.atan2(pred[3 * i + 1], pred[3 * i]));
            double rphi = dphi * detector.radius(i) / detector.sigmaRphi(i);
            double dz = (c[3 * i + 2] - pred[3 * i + 2]) / detector.sigmaZ(i);
            chi2 += rphi * rphi + dz * dz;
        }
        return new Consistency(chi2, Math.max(1, 2 * n - 5));
    }

    /** @return x, y, z per layer, NaN where the track does not reach the layer */
    private double[] predict(float[] output) {
        int layers = detector.layers();
        double[] pred = new double[3 * layers];
        java.util.Arrays.fill(pred, Double.NaN);
        TrackParameters p;
        try {
            p = TrackParameters.fromArray(output);
        } catch (IllegalArgumentException e) {
            return pred;
        }
        Helix h = Helix.at(p, detector.bField());
        for (int i = 0; i < layers; i++) {
            if (!h.toRadius(detector.radius(i))) {
                break;
            }
            if (Math.abs(h.z()) <= detector.halfLength(i)) {
                pred[3 * i] = h.x();
                pred[3 * i + 1] = h.y();
                pred[3 * i + 2] = h.z();
            }
        }
        return pred;
    }
}
