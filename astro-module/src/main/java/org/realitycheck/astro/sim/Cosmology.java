package org.realitycheck.astro.sim;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;

/**
 * Distances in a flat ΛCDM cosmology (Hogg 1999, arXiv:astro-ph/9905116):
 * {@code E(z) = √(Ωm(1+z)³ + ΩΛ)} with {@code ΩΛ = 1 − Ωm}; comoving distance
 * {@code D_C = (c/H0)∫₀^z dz'/E(z')} (Gauss–Legendre quadrature, commons-math3);
 * {@code D_A = D_C/(1+z)}, {@code D_L = (1+z)·D_C = (1+z)²·D_A}.
 *
 * @param h0 Hubble constant, km/s/Mpc, {@code > 0}
 * @param omegaM matter density, in {@code [0, 1]}
 */
public record Cosmology(double h0, double omegaM) {
    /** Speed of light, km/s. */
    public static final double C_KM_S = 299_792.458;
    /** Radians to arcsec. */
    public static final double ARCSEC_PER_RAD = 180 * 3600 / Math.PI;

    public Cosmology {
        if (!(h0 > 0) || !(omegaM >= 0 && omegaM <= 1)) {
            throw new IllegalArgumentException("need h0 > 0 and omegaM in [0, 1]; got " + h0 + ", " + omegaM);
        }
    }

    /** H0 = 70 km/s/Mpc, Ωm = 0.3 (the project default). */
    public static Cosmology defaults() {
        return new Cosmology(70, 0.3);
    }

    /** @return {@code E(z)} */
    public double e(double z) {
        double a = 1 + z;
        return Math.sqrt(omegaM * a * a * a + (1 - omegaM));
    }

    /**
     * @param z redshift, {@code >= 0}
     * @return comoving distance in Mpc
     */
    public double comovingDistance(double z) {
        if (!(z >= 0)) {
            throw new IllegalArgumentException("redshift must be >= 0, got " + z);
        }
        if (z == 0) {
            return 0;
        }
        IterativeLegendreGaussIntegrator in = new IterativeLegendreGaussIntegrator(8, 1e-12, 1e-12);
        return C_KM_S / h0 * in.integrate(1000, x -> 1 / e(x), 0, z);
    }

    /** @return angular-diameter distance in Mpc */
    public double angularDiameterDistance(double z) {
        return comovingDistance(z) / (1 + z);
    }

    /** @return luminosity distance in Mpc */
    public double luminosityDistance(double z) {
        return comovingDistance(z) * (1 + z);
    }

    /** @return the angle, in arcsec, subtended by {@code kpc} kiloparsecs at redshift z */
    public double arcsec(double kpc, double z) {
        return kpc / 1000 / angularDiameterDistance(z) * ARCSEC_PER_RAD;
    }
}
