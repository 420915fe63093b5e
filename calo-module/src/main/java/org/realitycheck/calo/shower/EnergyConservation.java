package org.realitycheck.calo.shower;

import java.util.Objects;

import org.apache.commons.math3.special.Erf;

import org.realitycheck.calo.sim.Calorimeter;
import org.realitycheck.calo.sim.ShowerSet;
import org.realitycheck.core.ForwardModel;
import org.realitycheck.core.Sample;

/**
 * The calo forward model: from a shower back to the photon that made it. The incident energy is
 * reconstructed as deposited / μ(E) and the angle from the slope of the layers' centres of energy against
 * depth. Consistency (ndf 1) is energy conservation within the calorimeter's response and resolution, plus
 * a penalty for negative cells:
 * χ² = ((R − μ(E))/σ_R(E))² + Σ_cells (min(0, e)/σ_noise)², with R = deposited/incident,
 * <ul>
 *   <li>μ(E) = 0.940 − 0.006·max(0, ln(E/20 GeV)): the mean response, below 1 by the longitudinal and
 *       lateral leakage (from 20 GeV on the shower's tail reaches past 24 X0);</li>
 *   <li>σ_R(E)² = 0.146²/E + (0.0027 + 0.0028·ln E)²: the sampling term (a = 14.3% plus the noise in the
 *       read-out cells) and a constant term growing with the leakage fluctuations (E in GeV).</li>
 * </ul>
 * Both were measured on the default calorimeter's full simulation (1,000–3,000 photons at 0.5, 1, 2, 5, 10,
 * 20 GeV; 600 at 50, 100, 200 GeV; 300 at 500 GeV; θ = 0.1), reproduced by {@code EnergyConservationTest}.
 * A photon of energy 0 (no particle) has R undefined: its χ² is ((deposited − m)/s)² with m and s the mean
 * and standard deviation of the read-out noise's sum ({@link #noiseSum}).
 */
public final class EnergyConservation implements ForwardModel {
    private final Calorimeter calo;

    public EnergyConservation(Calorimeter calo) {
        this.calo = Objects.requireNonNull(calo, "calo");
    }

    /** @return the mean response μ(E) of the default calorimeter at {@code energyGev} */
    public static double meanResponse(double energyGev) {
        return 0.940 - 0.006 * Math.max(0, Math.log(energyGev / 20));
    }

    /** @return the response's standard deviation σ_R(E) at {@code energyGev} */
    public static double responseSigma(double energyGev) {
        double c = Math.max(0, 0.0027 + 0.0028 * Math.log(energyGev));
        return Math.sqrt(0.146 * 0.146 / energyGev + c * c);
    }

    /**
     * The mean and standard deviation of the sum over all cells of zero-suppressed Gaussian noise: per cell
     * X = e·[e &gt; t], e ~ N(0, σ²), E[X] = σφ(t/σ), E[X²] = σ²(1 − Φ(t/σ) + (t/σ)φ(t/σ)).
     *
     * @return {@code {mean, sd}} in MeV
     */
    public static double[] noiseSum(Calorimeter calo) {
        double s = calo.noise();
        if (s == 0) {
            return new double[] {0, 1e-3};
        }
        double u = calo.threshold() / s;
        double phi = Math.exp(-0.5 * u * u) / Math.sqrt(2 * Math.PI);
        double tail = 0.5 * Erf.erfc(u / Math.sqrt(2));
        double m1 = s * phi;
        double m2 = s * s * (tail + u * phi);
        return new double[] {calo.cells() * m1, Math.sqrt(calo.cells() * (m2 - m1 * m1))};
    }

    /** @return {@code [reconstructed E (MeV), reconstructed θ (rad)]} */
    @Override
    public float[] forward(float[] output, Sample input) {
        ShowerFeatures f = ShowerFeatures.of(calo, output);
        double e = ShowerSet.energyGev(input.condition());
        double reco = e > 0 ? f.total() / meanResponse(e) : f.total();
        double[] edges = calo.layerEdges();
        double sxy = 0;
        double sxx = 0;
        double[] layer = f.layer();
        double[] cx = f.centreX();
        for (int l = 0; l < layer.length; l++) {
            if (layer[l] > 0 && Double.isFinite(cx[l])) {
                double d = 0.5 * (edges[l] + edges[l + 1]) * calo.x0();
                sxy += layer[l] * d * cx[l];
                sxx += layer[l] * d * d;
            }
        }
        return new float[] {(float) reco, (float) (sxx > 0 ? Math.atan(sxy / sxx) : 0)};
    }

    @Override
    public Consistency consistency(float[] output, Sample input) {
        double e = ShowerSet.energyGev(input.condition());
        double total = 0;
        double negative = 0;
        double sn = Math.max(calo.noise(), 1e-3);
        for (float v : output) {
            total += v;
            if (v < 0) {
                negative += (v / sn) * (v / sn);
            }
        }
        double pull;
        if (e > 0) {
            pull = (total / (1000 * e) - meanResponse(e)) / responseSigma(e);
        } else {
            double[] m = noiseSum(calo);
            pull = (total - m[0]) / m[1];
        }
        return new Consistency(pull * pull + negative, 1);
    }
}
