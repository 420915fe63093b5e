package org.realitycheck.hep.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.realitycheck.hep.detector.Detector;
import org.realitycheck.hep.observables.Summary;
import org.realitycheck.hep.observables.TrackObservable;
import org.realitycheck.hep.sim.ParticleGun;
import org.realitycheck.hep.sim.SimTrack;
import org.realitycheck.hep.sim.TrackSimulator;
import org.realitycheck.hep.track.TrackParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class HelixFitterTest {
    private static final Logger LOG = LoggerFactory.getLogger(HelixFitterTest.class);

    @Test
    void noiselessHitsGiveTheTrueParameters() {
        Detector det = Detector.toy();
        TrackSimulator sim = new TrackSimulator(det);
        HelixFitter fitter = new HelixFitter(det);
        SplittableRandom rnd = new SplittableRandom(11);
        ParticleGun gun = ParticleGun.defaults().withD0Sigma(2.0);
        for (int t = 0; t < 2000; t++) {
            TrackParameters truth = gun.draw(rnd);
            HelixFit f = fitter.fit(sim.propagateExact(truth));
            TrackParameters p = f.params();
            assertThat(p.qOverPt()).isCloseTo(truth.qOverPt(), within(1e-6 * Math.abs(truth.qOverPt())));
            assertThat(TrackParameters.wrapAngle(p.phi0() - truth.phi0())).isCloseTo(0, within(1e-6));
            assertThat(p.d0()).isCloseTo(truth.d0(), within(1e-6));
            assertThat(p.z0()).isCloseTo(truth.z0(), within(1e-6));
            assertThat(p.cotTheta()).isCloseTo(truth.cotTheta(), within(1e-6));
            assertThat(f.chi2()).isLessThan(1e-6);
        }
    }

    @Test
    void lowMomentumCurlersWithThreeHitsAreFitted() {
        Detector det = Detector.toy();
        HelixFitter fitter = new HelixFitter(det);
        // 2R = 130 mm: hits on the layers at 32, 72 and 116 mm only
        double pt = 0.065 * TrackParameters.Units.C_LIGHT * 2.0;
        TrackParameters truth = TrackParameters.of(pt, -1, 2.0, 0.01, 3, -0.4);
        SimTrack t = new TrackSimulator(det).propagateExact(truth);
        assertThat(t.hitCount()).isEqualTo(3);
        HelixFit f = fitter.fit(t);
        assertThat(f.params().qOverPt()).isCloseTo(truth.qOverPt(), within(1e-6 * Math.abs(truth.qOverPt())));
        assertThat(f.ndfCircle()).isZero();
    }

    @Test
    void fewerThanThreeHitsAreRejectedWithTheReason() {
        HelixFitter fitter = new HelixFitter(Detector.toy());
        assertThatThrownBy(() -> fitter.fit(new double[] {1, 2}, new double[] {0, 0}, new double[] {0, 0},
                new int[] {0, 1}, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 3 hits, got 2");
    }

    @Test
    void pullsAreStandardNormalOverTenThousandTracks() {
        Detector det = Detector.toy();
        TrackSimulator sim = new TrackSimulator(det);
        HelixFitter fitter = new HelixFitter(det);
        int n = 10_000;
        List<SimTrack> tracks = sim.simulate(ParticleGun.defaults(), n, 2024);
        double[][] pulls = new double[5][n];
        double[] chi2 = new double[n];
        for (int k = 0; k < n; k++) {
            SimTrack t = tracks.get(k);
            HelixFit f = fitter.fit(t);
            double[] est = f.params().toArray();
            double[] tru = t.truth().toArray();
            for (int i = 0; i < 5; i++) {
                double r = TrackObservable.parameters().get(i).residual(est[i], tru[i]);
                pulls[i][k] = r / f.sigma(i);
            }
            chi2[k] = f.chi2() / f.ndf();
        }
        for (int i = 0; i < 5; i++) {
            Summary s = Summary.of(pulls[i]);
            LOG.info("pull {}: mean {} ± {}, std {}, MAD·1.4826 {}", TrackObservable.parameters().get(i).name(),
                    s.mean(), s.meanError(), s.std(), s.robustWidth());
            assertThat(Math.abs(s.mean())).as("pull mean of %s", i).isLessThan(3 * s.meanError());
            assertThat(s.std()).as("pull std of %s", i).isCloseTo(1.0, within(0.05));
            assertThat(s.robustWidth()).as("pull robust width of %s", i).isCloseTo(1.0, within(0.05));
        }
        assertThat(Summary.of(chi2).mean()).isCloseTo(1.0, within(0.03));
    }

    @Test
    void momentumResolutionMatchesGluckstern() {
        // the formula's assumptions: N equally spaced layers, equal σ, no scattering, high p_T
        int layers = 10;
        double sigma = 0.1;
        double b = 2.0;
        Detector det = Detector.equallySpaced(layers, 100, 1000, sigma, sigma, b);
        TrackSimulator sim = new TrackSimulator(det);
        HelixFitter fitter = new HelixFitter(det);
        double pt = 10;
        ParticleGun gun = new ParticleGun(pt, pt, 0, 0, 0, 0);
        int n = 4000;
        double[] rel = new double[n];
        double meanSigma = 0;
        List<SimTrack> tracks = sim.simulate(gun, n, 99);
        for (int k = 0; k < n; k++) {
            HelixFit f = fitter.fit(tracks.get(k));
            rel[k] = (f.params().pt() - pt) / pt;
            meanSigma += f.sigma(0) * pt / n;
        }
        double lever = 0.9; // m
        double gluckstern = sigma * 1e-3 * pt / (0.3 * b * lever * lever) * Math.sqrt(720.0 / (layers + 4));
        double measured = Summary.of(rel).std();
        LOG.info("Gluckstern σ(pT)/pT at {} GeV: formula {}, measured {}, fit's own σ {}", pt, gluckstern, measured,
                meanSigma);
        assertThat(measured).isCloseTo(gluckstern, within(0.2 * gluckstern));
        assertThat(meanSigma).isCloseTo(gluckstern, within(0.2 * gluckstern));
    }
}
