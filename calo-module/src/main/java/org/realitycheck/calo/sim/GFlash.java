package org.realitycheck.calo.sim;

import java.util.SplittableRandom;

/**
 * The Grindhammer–Peters parametrisation of electromagnetic showers in homogeneous media (Grindhammer,
 * Rudowicz, Peters, NIM A290 (1990) 469; Grindhammer &amp; Peters, hep-ex/0001020), with the parameter
 * values of Geant4's GFlash ({@code GFlashHomoShowerParameterisation}), applied to the calorimeter's
 * effective medium. E in GeV, y = E/E_c, depths t in X0, radii in Molière radii.
 *
 * <p><b>Longitudinal.</b> dE/dt = E·Γ(t; α, β) (a Gamma density with shape α and rate β, maximum at
 * T = (α − 1)/β), with ln T and ln α drawn per shower from a correlated bivariate normal:
 * <ul>
 *   <li>⟨ln T⟩ = ln(ln y − 0.812), σ(ln T) = (−1.4 + 1.26 ln y)⁻¹;</li>
 *   <li>⟨ln α⟩ = ln(0.81 + (0.458 + 2.26/Z) ln y), σ(ln α) = (−0.58 + 0.86 ln y)⁻¹;</li>
 *   <li>ρ(ln T, ln α) = 0.705 − 0.023 ln y.</li>
 * </ul>
 * <b>Lateral.</b> f(r) = p·f_C(r) + (1 − p)·f_T(r), f_i(r) = 2rR_i²/(r² + R_i²)², at τ = t/T:
 * <ul>
 *   <li>R_C = z1 + z2·τ, z1 = 0.0251 + 0.00319 ln E, z2 = 0.1162 − 0.000381 Z;</li>
 *   <li>R_T = k1·[e^{k3(τ − k2)} + e^{k4(τ − k2)}], k1 = 0.659 − 0.00309 Z, k2 = 0.645, k3 = −2.59,
 *       k4 = 0.3585 + 0.0421 ln E;</li>
 *   <li>p = p1·exp[(p2 − τ)/p3 − e^{(p2 − τ)/p3}], p1 = 0.2632 − 0.00094 Z, p2 = 0.401 + 0.00187 Z,
 *       p3 = 1.313 − 0.0686 ln E.</li>
 * </ul>
 * <b>Spots.</b> N = 93·ln Z·E^0.876 energy spots per shower.
 */
public final class GFlash {
    private final double z;
    private final double criticalEnergyGev;

    /**
     * @param z the medium's (effective) atomic number
     * @param criticalEnergyMev its (effective) critical energy in MeV
     */
    public GFlash(double z, double criticalEnergyMev) {
        if (!(z >= 1) || !(criticalEnergyMev > 0)) {
            throw new IllegalArgumentException("need z >= 1 and criticalEnergy > 0, got " + z + ", " + criticalEnergyMev);
        }
        this.z = z;
        this.criticalEnergyGev = criticalEnergyMev / 1000.0;
    }

    public static GFlash of(Calorimeter c) {
        return new GFlash(c.z(), c.criticalEnergy());
    }

    /**
     * The Gamma profile of one shower.
     *
     * @param alpha shape α &gt; 1
     * @param beta rate β in 1/X0
     */
    public record Profile(double alpha, double beta) {
        public Profile {
            if (!(alpha > 0) || !(beta > 0)) {
                throw new IllegalArgumentException("need alpha, beta > 0, got " + alpha + ", " + beta);
            }
        }

        /** @return the depth of the maximum, (α − 1)/β in X0 (0 when α ≤ 1) */
        public double tmax() {
            return Math.max(0, (alpha - 1) / beta);
        }
    }

    /** @return ln y = ln(E/E_c) for {@code energyGev} */
    public double lnY(double energyGev) {
        return Math.log(energyGev / criticalEnergyGev);
    }

    /** @return ⟨ln T⟩ at {@code energyGev} */
    public double meanLnT(double energyGev) {
        return Math.log(Math.max(lnY(energyGev) - 0.812, 0.3));
    }

    /** @return ⟨ln α⟩ at {@code energyGev} */
    public double meanLnAlpha(double energyGev) {
        return Math.log(0.81 + (0.458 + 2.26 / z) * lnY(energyGev));
    }

    /** @return σ(ln T) */
    public double sigmaLnT(double energyGev) {
        return 1.0 / Math.max(-1.4 + 1.26 * lnY(energyGev), 0.5);
    }

    /** @return σ(ln α) */
    public double sigmaLnAlpha(double energyGev) {
        return 1.0 / Math.max(-0.58 + 0.86 * lnY(energyGev), 0.5);
    }

    /** @return ρ(ln T, ln α) */
    public double rho(double energyGev) {
        return Math.min(0.99, Math.max(-0.99, 0.705 - 0.023 * lnY(energyGev)));
    }

    /** The average shower's profile: α and T at their log means (no fluctuation). */
    public Profile meanProfile(double energyGev) {
        double t = Math.exp(meanLnT(energyGev));
        double a = Math.exp(meanLnAlpha(energyGev));
        return new Profile(a, (a - 1) / t);
    }

    /** One shower's profile, with the correlated fluctuations of ln T and ln α (hep-ex/0001020, eq. 5). */
    public Profile sampleProfile(double energyGev, SplittableRandom rnd) {
        double z1 = Normal.next(rnd);
        double z2 = Normal.next(rnd);
        double r = rho(energyGev);
        double u = Math.sqrt((1 + r) / 2) * z1;
        double v = Math.sqrt((1 - r) / 2) * z2;
        double lnT = meanLnT(energyGev) + sigmaLnT(energyGev) * (u + v);
        double lnA = meanLnAlpha(energyGev) + sigmaLnAlpha(energyGev) * (u - v);
        double a = Math.max(1.05, Math.exp(lnA));
        return new Profile(a, (a - 1) / Math.exp(lnT));
    }

    /** @return the number of energy spots, 93·ln Z·E^0.876 (at least 1) */
    public int spots(double energyGev) {
        return (int) Math.max(1, Math.round(93 * Math.log(z) * Math.pow(energyGev, 0.876)));
    }

    /** @return the core radius R_C(τ) in Molière radii */
    public double coreRadius(double energyGev, double tau) {
        return (0.0251 + 0.00319 * Math.log(energyGev)) + (0.1162 - 0.000381 * z) * tau;
    }

    /** @return the tail radius R_T(τ) in Molière radii */
    public double tailRadius(double energyGev, double tau) {
        double k1 = 0.659 - 0.00309 * z;
        double k4 = 0.3585 + 0.0421 * Math.log(energyGev);
        return k1 * (Math.exp(-2.59 * (tau - 0.645)) + Math.exp(k4 * (tau - 0.645)));
    }

    /** @return the core probability p(τ) in [0, 1] */
    public double coreProbability(double energyGev, double tau) {
        double p1 = 0.2632 - 0.00094 * z;
        double p2 = 0.401 + 0.00187 * z;
        double p3 = 1.313 - 0.0686 * Math.log(energyGev);
        double x = (p2 - tau) / p3;
        return Math.min(1, Math.max(0, p1 * Math.exp(x - Math.exp(x))));
    }

    /**
     * The radial containment of the lateral profile within {@code r} Molière radii at depth τ:
     * p·r²/(r² + R_C²) + (1 − p)·r²/(r² + R_T²).
     */
    public double lateralContainment(double energyGev, double tau, double r) {
        double rc = coreRadius(energyGev, tau);
        double rt = tailRadius(energyGev, tau);
        double p = coreProbability(energyGev, tau);
        return p * r * r / (r * r + rc * rc) + (1 - p) * r * r / (r * r + rt * rt);
    }
}
