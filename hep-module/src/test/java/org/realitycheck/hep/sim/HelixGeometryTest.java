package org.realitycheck.hep.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.realitycheck.hep.detector.Detector;
import org.realitycheck.hep.track.TrackParameters;

class HelixGeometryTest {
    private static final Detector DET = Detector.toy();
    private static final TrackSimulator SIM = new TrackSimulator(DET);

    /** R in mm for p_T in GeV: R[m] = p_T/(0.2998·B). */
    private static double radius(double pt) {
        return pt / (TrackParameters.Units.C_LIGHT * DET.bField()) * 1000;
    }

    @Test
    void hitsFromTheAxisLieOnTheTextbookHelix() {
        SplittableRandom rnd = new SplittableRandom(1);
        ParticleGun gun = ParticleGun.defaults().withD0Sigma(0).withPtRange(0.5, 100);
        for (int t = 0; t < 2000; t++) {
            TrackParameters p = gun.draw(rnd);
            SimTrack track = SIM.propagateExact(p);
            double bigR = radius(p.pt());
            for (int i = 0; i < DET.layers(); i++) {
                double r = DET.radius(i);
                assertThat(track.hasHit(i)).isEqualTo(r < 2 * bigR);
                if (!track.hasHit(i)) {
                    continue;
                }
                double a = Math.asin(r / (2 * bigR));
                double phiHit = p.phi0() - p.charge() * a;
                assertThat(track.x(i)).isCloseTo(r * Math.cos(phiHit), within(1e-9));
                assertThat(track.y(i)).isCloseTo(r * Math.sin(phiHit), within(1e-9));
                assertThat(track.z(i)).isCloseTo(p.z0() + 2 * bigR * a * p.cotTheta(), within(1e-9));
            }
        }
    }

    @Test
    void displacedTracksStayOnTheirCircleAndLine() {
        SplittableRandom rnd = new SplittableRandom(2);
        ParticleGun gun = ParticleGun.defaults().withD0Sigma(10);
        for (int t = 0; t < 2000; t++) {
            TrackParameters p = gun.draw(rnd);
            SimTrack track = SIM.propagateExact(p);
            double bigR = radius(p.pt());
            int q = p.charge();
            double xc = p.pcaX() + q * bigR * Math.sin(p.phi0());
            double yc = p.pcaY() - q * bigR * Math.cos(p.phi0());
            for (int i = 0; i < DET.layers(); i++) {
                if (!track.hasHit(i)) {
                    continue;
                }
                double dx = track.x(i) - xc;
                double dy = track.y(i) - yc;
                assertThat(Math.hypot(dx, dy) - bigR).isCloseTo(0, within(1e-9));
                assertThat(Math.hypot(track.x(i), track.y(i))).isCloseTo(DET.radius(i), within(1e-9));
                // turning angle from the PCA, then z = z0 + R·angle·cotθ
                double ax = p.pcaX() - xc;
                double ay = p.pcaY() - yc;
                double angle = Math.atan2(ax * dy - ay * dx, ax * dx + ay * dy);
                double turned = -q * angle;
                if (turned < 0) {
                    turned += 2 * Math.PI;
                }
                assertThat(track.z(i)).isCloseTo(p.z0() + bigR * turned * p.cotTheta(), within(1e-9));
            }
        }
    }

    @Test
    void aTrackCurlsExactlyWhenTheLayerIsBeyondTwiceItsRadius() {
        for (int k = 1; k < DET.layers(); k++) {
            double r = DET.radius(k);
            for (double f : new double[] {1 + 1e-9, 1 - 1e-9}) {
                double pt = r / 2 * f / 1000 * TrackParameters.Units.C_LIGHT * DET.bField();
                SimTrack t = SIM.propagateExact(TrackParameters.of(pt, 1, 0.3, 0, 0, 0.5));
                assertThat(t.hasHit(k)).as("layer %d, 2R/r = %s", k, f).isEqualTo(f > 1);
                assertThat(t.hasHit(k - 1)).isTrue();
                assertThat(t.hitCount()).isEqualTo(f > 1 ? k + 1 : k);
            }
        }
    }

    @Test
    void simulationIsDeterministicInTheSeed() {
        Detector det = DET.withMultipleScattering(true).withEfficiency(0.9);
        TrackSimulator sim = new TrackSimulator(det);
        var a = sim.simulate(ParticleGun.defaults(), 50, 7);
        var b = sim.simulate(ParticleGun.defaults(), 50, 7);
        for (int i = 0; i < 50; i++) {
            assertThat(a.get(i).hitVector()).containsExactly(b.get(i).hitVector());
        }
        assertThat(a.get(0).hitVector()).isNotEqualTo(sim.simulate(ParticleGun.defaults(), 1, 8).get(0).hitVector());
    }

    @Test
    void smearingHasTheLayerResolutions() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 4000;
        double[] sumRphi = new double[DET.layers()];
        double[] sumZ = new double[DET.layers()];
        for (int t = 0; t < n; t++) {
            SimTrack s = SIM.simulate(ParticleGun.defaults().draw(rnd), rnd);
            for (int i = 0; i < DET.layers(); i++) {
                double dphi = Math.atan2(s.y(i), s.x(i)) - Math.atan2(s.truePosition(i, 1), s.truePosition(i, 0));
                double drphi = TrackParameters.wrapAngle(dphi) * DET.radius(i);
                double dz = s.z(i) - s.truePosition(i, 2);
                sumRphi[i] += drphi * drphi;
                sumZ[i] += dz * dz;
            }
        }
        for (int i = 0; i < DET.layers(); i++) {
            // 4000 draws: the rms is known to ±1.1% (1σ); 5% is > 4σ
            assertThat(Math.sqrt(sumRphi[i] / n)).isCloseTo(DET.sigmaRphi(i), within(0.05 * DET.sigmaRphi(i)));
            assertThat(Math.sqrt(sumZ[i] / n)).isCloseTo(DET.sigmaZ(i), within(0.05 * DET.sigmaZ(i)));
        }
    }
}
