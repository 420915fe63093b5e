package org.realitycheck.calo.shower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.realitycheck.calo.sim.Calorimeter;
import org.realitycheck.calo.sim.ShowerSimulator;

/**
 * The forward model's response μ(E) and σ_R(E) reproduce the full simulation they were measured on (at 2,
 * 20 and 100 GeV, 300–600 photons, θ = 0.1): the mean within 4 standard errors plus 0.005, the spread within
 * 20%; and the noise sum of an empty readout matches its closed form.
 */
class EnergyConservationTest {
    private static final Calorimeter CALO = Calorimeter.leadLiquidArgon();

    @Test
    void theResponseParametrisationMatchesTheFullSimulation() {
        ShowerSimulator sim = new ShowerSimulator(CALO);
        double[] energies = {2, 20, 100};
        int[] counts = {600, 400, 300};
        SplittableRandom r = new SplittableRandom(21);
        for (int k = 0; k < energies.length; k++) {
            double e = energies[k];
            double s = 0;
            double ss = 0;
            for (int i = 0; i < counts[k]; i++) {
                double resp = ShowerFeatures.of(CALO, sim.shower(e, 0.1, r)).total() / (1000 * e);
                s += resp;
                ss += resp * resp;
            }
            double m = s / counts[k];
            double sd = Math.sqrt(ss / counts[k] - m * m);
            assertThat(m).as("mean response at " + e + " GeV")
                    .isCloseTo(EnergyConservation.meanResponse(e), within(4 * sd / Math.sqrt(counts[k]) + 0.005));
            assertThat(sd / EnergyConservation.responseSigma(e)).as("spread at " + e + " GeV").isCloseTo(1.0, within(0.2));
        }
    }

    @Test
    void theNoiseSumOfAnEmptyReadoutMatchesItsClosedForm() {
        ShowerSimulator sim = new ShowerSimulator(CALO);
        SplittableRandom r = new SplittableRandom(22);
        int n = 4000;
        double s = 0;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double t = ShowerFeatures.of(CALO, sim.shower(0, 0, r)).total();
            s += t;
            ss += t * t;
        }
        double m = s / n;
        double sd = Math.sqrt(ss / n - m * m);
        double[] closed = EnergyConservation.noiseSum(CALO);
        assertThat(m).isCloseTo(closed[0], within(4 * closed[1] / Math.sqrt(n)));
        assertThat(sd).isCloseTo(closed[1], within(0.1 * closed[1]));
    }
}
