package org.realitycheck.calo.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;
import org.realitycheck.calo.shower.ShowerFeatures;

/**
 * The toy full simulation against closed forms: the mean longitudinal profile is the Gamma density's
 * integral over each layer, the mean containment is the parametrisation's integral over the calorimeter,
 * and the resolution scales as a/√E ⊕ c with the calorimeter's sampling term.
 */
class ShowerSimulatorTest {
    private static final Calorimeter DEFAULT = Calorimeter.leadLiquidArgon();

    @Test
    void theEffectiveMediumMatchesTheHandComputedValues() {
        // 4 mm Pb + 4 mm LAr (PDG properties), worked by hand in docs/calo.md
        assertThat(DEFAULT.x0()).isCloseTo(10.79, within(0.01));
        assertThat(DEFAULT.moliere()).isCloseTo(27.22, within(0.01));
        assertThat(DEFAULT.criticalEnergy()).isCloseTo(8.41, within(0.01));
        assertThat(DEFAULT.z()).isCloseTo(75.0, within(0.05));
        assertThat(DEFAULT.samplingTerm()).isCloseTo(0.143, within(0.001));
        assertThat(DEFAULT.cells()).isEqualTo(360);
    }

    /**
     * A fixed profile Γ(α = 4, β = 0.5) starting at the front, normal incidence, an ideal readout (no noise,
     * no threshold) and cells reaching 1000 Molière radii: the mean energy per layer over 200 showers of
     * 10 GeV is E·[P(α, β·t_hi) − P(α, β·t_lo)] (P the regularised incomplete Gamma function), within
     * 0.006 of E (the per-layer sampling fluctuation of the mean is below 0.002).
     */
    @Test
    void theMeanLongitudinalProfileIsTheGammaIntegralPerLayer() {
        Calorimeter calo = DEFAULT.withReadout(0, 0).withCells(new double[] {0, 2, 4, 6, 9, 13, 18, 30},
                new double[] {0, 0.5, 1000}, 1);
        ShowerSimulator sim = new ShowerSimulator(calo);
        GFlash.Profile p = new GFlash.Profile(4, 0.5);
        SplittableRandom r = new SplittableRandom(11);
        double[] mean = new double[calo.layers()];
        int n = 200;
        for (int i = 0; i < n; i++) {
            double[] layer = ShowerFeatures.of(calo, sim.shower(10, 0, 0, p, r)).layer();
            for (int l = 0; l < layer.length; l++) {
                mean[l] += layer[l] / (n * 10_000.0);
            }
        }
        double[] edges = calo.layerEdges();
        for (int l = 0; l < calo.layers(); l++) {
            double expected = Gamma.regularizedGammaP(4, 0.5 * edges[l + 1]) - Gamma.regularizedGammaP(4, 0.5 * edges[l]);
            assertThat(mean[l]).as("layer " + l).isCloseTo(expected, within(0.006));
        }
    }

    /**
     * The mean containment of 50 GeV photons in the default calorimeter (ideal readout, normal incidence)
     * against the parametrisation integrated without spots: the average over 4000 drawn (t₀, α, β) of
     * ∫₀^{D−t₀} Γ(t; α, β)·C(τ = t/T) dt, with C the lateral profile's containment within the last radial
     * edge; 300 simulated showers, within 0.006 (their mean's spread is about 0.0015).
     */
    @Test
    void theMeanContainmentIsTheParametrisationsIntegral() {
        Calorimeter calo = DEFAULT.withReadout(0, 0);
        ShowerSimulator sim = new ShowerSimulator(calo);
        GFlash g = sim.gflash();
        double e = 50;
        SplittableRandom r = new SplittableRandom(12);
        double simulated = 0;
        int n = 300;
        for (int i = 0; i < n; i++) {
            simulated += ShowerFeatures.of(calo, sim.shower(e, 0, r)).total() / (1000 * e * n);
        }
        double rEdge = calo.radialEdges()[calo.radialBins()];
        double expected = 0;
        int draws = 4000;
        SplittableRandom q = new SplittableRandom(13);
        for (int i = 0; i < draws; i++) {
            double t0 = -ShowerSimulator.CONVERSION_LENGTH_X0 * Math.log(1 - q.nextDouble());
            GFlash.Profile p = g.sampleProfile(e, q);
            double tmax = p.tmax();
            double end = calo.depth() - t0;
            int steps = 400;
            double h = end / steps;
            double sum = 0;
            for (int k = 0; k < steps; k++) {
                double t = (k + 0.5) * h;
                double density = Math.exp(p.alpha() * Math.log(p.beta()) + (p.alpha() - 1) * Math.log(t) - p.beta() * t
                        - Gamma.logGamma(p.alpha()));
                sum += density * g.lateralContainment(e, t / tmax, rEdge) * h;
            }
            expected += Math.max(0, sum) / draws;
        }
        assertThat(simulated).isCloseTo(expected, within(0.006));
    }

    /**
     * σ/E at 5, 20 and 80 GeV (the default calorimeter with its noise and readout, θ = 0.1) fitted as
     * σ²/E² = a²/E + c²: the stochastic term is the calorimeter's a = 14.3% within 0.025 (the noise adds a
     * little), and the constant term, from leakage, stays below 2.5%.
     */
    @Test
    void theResolutionScalesAsTheSamplingTermOverRootE() {
        ShowerSimulator sim = new ShowerSimulator(DEFAULT);
        double[] energies = {5, 20, 80};
        int[] counts = {800, 400, 250};
        double[] rel2 = new double[3];
        SplittableRandom r = new SplittableRandom(14);
        for (int k = 0; k < 3; k++) {
            double s = 0;
            double ss = 0;
            for (int i = 0; i < counts[k]; i++) {
                double resp = ShowerFeatures.of(DEFAULT, sim.shower(energies[k], 0.1, r)).total() / (1000 * energies[k]);
                s += resp;
                ss += resp * resp;
            }
            double m = s / counts[k];
            rel2[k] = (ss / counts[k] - m * m) / (m * m);
        }
        // least squares of rel2 = a2 * (1/E) + c2
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int k = 0; k < 3; k++) {
            double x = 1 / energies[k];
            sx += x;
            sy += rel2[k];
            sxx += x * x;
            sxy += x * rel2[k];
        }
        double a2 = (3 * sxy - sx * sy) / (3 * sxx - sx * sx);
        double c2 = (sy - a2 * sx) / 3;
        assertThat(Math.sqrt(a2)).as("stochastic term").isCloseTo(DEFAULT.samplingTerm(), within(0.025));
        assertThat(Math.sqrt(Math.max(0, c2))).as("constant term").isLessThan(0.025);
    }

    @Test
    void noParticleReadsOutNoiseOnlyAndEveryCellIsNonNegative() {
        ShowerSimulator sim = new ShowerSimulator(DEFAULT);
        SplittableRandom r = new SplittableRandom(15);
        float[] empty = sim.shower(0, 0.1, r);
        for (float v : empty) {
            assertThat(v).isGreaterThanOrEqualTo(0f);
            assertThat(v == 0 || v > DEFAULT.threshold()).isTrue();
        }
        assertThat(ShowerFeatures.of(DEFAULT, empty).total()).isLessThan(150);
    }

    @Test
    void theSameGeneratorStateGivesTheSameShower() {
        ShowerSimulator sim = new ShowerSimulator(DEFAULT);
        assertThat(sim.shower(30, 0.2, new SplittableRandom(3))).containsExactly(sim.shower(30, 0.2, new SplittableRandom(3)));
    }

    @Test
    void theCostGrowsWithEnergy() {
        GFlash g = GFlash.of(DEFAULT);
        // 93 ln Z E^0.876 spots (Grindhammer & Peters)
        assertThat(g.spots(50)).isCloseTo((int) Math.round(93 * Math.log(DEFAULT.z()) * Math.pow(50, 0.876)), within(1));
        assertThat(g.spots(200)).isGreaterThan(3 * g.spots(50));
    }
}
