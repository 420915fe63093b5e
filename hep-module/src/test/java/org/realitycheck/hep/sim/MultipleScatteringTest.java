package org.realitycheck.hep.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.realitycheck.hep.detector.Detector;
import org.realitycheck.hep.observables.Summary;
import org.realitycheck.hep.track.TrackParameters;

class MultipleScatteringTest {
    /**
     * The deflection in the first layer has the Highland width, computed here in closed form: p = 1 GeV
     * pion at η = 0 through x/X0 = 0.02, θ0 = 13.6 MeV/(βcp)·√0.02·(1 + 0.038 ln 0.02) = 1.653 mrad.
     */
    @Test
    void firstLayerDeflectionHasTheHighlandWidth() {
        Detector det = Detector.toy().withMultipleScattering(true);
        TrackSimulator ms = new TrackSimulator(det);
        TrackSimulator exact = new TrackSimulator(Detector.toy());
        double p = 1.0;
        double beta = p / Math.sqrt(p * p + 0.13957 * 0.13957);
        double theta0 = 0.0136 / (beta * p) * Math.sqrt(0.02) * (1 + 0.038 * Math.log(0.02));
        assertThat(theta0).isCloseTo(1.653e-3, within(1e-6));
        SplittableRandom rnd = new SplittableRandom(17);
        int n = 4000;
        double[] dphi = new double[n];
        double[] dlambda = new double[n];
        for (int k = 0; k < n; k++) {
            TrackParameters t = TrackParameters.of(p, rnd.nextBoolean() ? 1 : -1, Math.PI * (2 * rnd.nextDouble() - 1), 0, 0, 0);
            SimTrack a = ms.simulate(t, rnd);
            SimTrack b = exact.propagateExact(t);
            double phiA = Math.atan2(a.trueMomentum(1, 1), a.trueMomentum(1, 0));
            double phiB = Math.atan2(b.trueMomentum(1, 1), b.trueMomentum(1, 0));
            dphi[k] = TrackParameters.wrapAngle(phiA - phiB);
            double ptA = Math.hypot(a.trueMomentum(1, 0), a.trueMomentum(1, 1));
            dlambda[k] = Math.atan2(a.trueMomentum(1, 2), ptA);
        }
        // 4000 draws: the standard deviation is known to ±1.1% (1σ); 5% is > 4σ
        assertThat(Summary.of(dphi).std()).isCloseTo(theta0, within(0.05 * theta0));
        assertThat(Summary.of(dlambda).std()).isCloseTo(theta0, within(0.05 * theta0));
        assertThat(Math.abs(Summary.of(dphi).mean())).isLessThan(4 * theta0 / Math.sqrt(n));
    }
}
