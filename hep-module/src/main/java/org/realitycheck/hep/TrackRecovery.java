package org.realitycheck.hep;

import java.util.Optional;

import org.realitycheck.core.Probes;
import org.realitycheck.core.Probes.Detections;
import org.realitycheck.core.ForwardModel;
import org.realitycheck.core.Sample;
import org.realitycheck.hep.fit.HelixFitMethod;
import org.realitycheck.hep.track.TrackParameters;

/**
 * The hep probes' scoring ({@link HepProbes#detect}, {@link HepProbes#recovered}): when an output is a
 * track the hits accept, and when it recovers an injected track.
 */
public final class TrackRecovery {
    /** Forward-model χ²/ndf below which an output counts as a track the hits accept. */
    public static final double DETECT_CHI2_NDF = HelixFitMethod.CHI2_NDF_CUT;
    /** Tolerance on |Δ(q/p_T)| relative to the true |q/p_T|. */
    public static final double RECOVER_REL_QOVERPT = 0.10;
    /** Tolerance on |Δφ0|, rad. */
    public static final double RECOVER_PHI0 = 0.01;
    /** Tolerance on |Δd0|, mm. */
    public static final double RECOVER_D0 = 1.0;

    private TrackRecovery() {
    }

    /**
     * One detection when the hits accept the output as their track: forward-model χ²/ndf below
     * {@link #DETECT_CHI2_NDF}. The spurious signal is 0 for tracks.
     */
    public static Detections detect(ForwardModel forward, float[] output, Sample input) {
        double chi2ndf = forward.consistency(output, input).chi2PerNdf();
        return new Detections(chi2ndf < DETECT_CHI2_NDF ? 1 : 0, 0.0);
    }

    /**
     * True when the output has the true charge and |Δ(q/p_T)| ≤ 10% of |q/p_T|, |Δφ0| ≤ 10 mrad and
     * |Δd0| ≤ 1 mm against the sample's truth (the parent's, for kinks); false without truth. The fit
     * resolution is far inside these (σ(q/p_T)/|q/p_T| ≲ 2%, σ(φ0) ≲ 1 mrad, σ(d0) ≲ 0.1 mm).
     */
    public static boolean recovered(float[] output, Sample sample) {
        Optional<float[]> t = sample.target();
        if (t.isEmpty() || output.length != TrackParameters.SIZE) {
            return false;
        }
        float[] truth = t.get();
        for (float v : output) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return Math.signum(output[0]) == Math.signum(truth[0])
                && Math.abs(output[0] - truth[0]) <= RECOVER_REL_QOVERPT * Math.abs(truth[0])
                && Math.abs(TrackParameters.wrapAngle(output[1] - truth[1])) <= RECOVER_PHI0
                && Math.abs(output[2] - truth[2]) <= RECOVER_D0;
    }
}
