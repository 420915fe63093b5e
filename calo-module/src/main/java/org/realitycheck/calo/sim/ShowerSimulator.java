package org.realitycheck.calo.sim;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The toy full simulation of a photon in a {@link Calorimeter}: a GFlash-style shower ({@link GFlash})
 * built one energy spot at a time, so that its cost grows with the energy as a full simulation's does.
 *
 * <ol>
 *   <li>The photon converts after an exponential depth t₀ with mean 9/7 X0 (the pair-production mean
 *       free path, PDG): the source of late showers.</li>
 *   <li>The shower draws its profile (α, β) with the correlated fluctuations of ln T and ln α.</li>
 *   <li>Each of the N = 93·ln Z·E^0.876 spots draws a depth t ~ Γ(α, β) after t₀, a radius from the
 *       core-or-tail lateral profile at τ = t/T (inverse CDF r = R·√(u/(1 − u))) and a uniform azimuth;
 *       the point is rotated by the incident angle θ about the y axis, so an inclined shower drifts in
 *       +x with depth. Spots past the back or the last radial edge leak.</li>
 *   <li>Sampling fluctuations: each spot's calibrated energy is Gamma-distributed with shape
 *       k = E/(a²N) and mean E/N, so the contained energy fluctuates by exactly a/√E (a sum of Gammas),
 *       cell to cell as well as in total (drawn per cell as the sum over its spots).</li>
 *   <li>Every cell gets Gaussian noise σ_noise and is read out above the threshold (else 0).</li>
 * </ol>
 * Simplification against GFlash: spots are drawn from the energy profile itself (GFlash's spot profile
 * is slightly deeper and energy is then shared per integration step), and the homogeneous-medium
 * parameters are used in the effective medium without the sampling-structure corrections of hep-ex/0001020.
 */
public final class ShowerSimulator {
    /** Mean conversion depth of a photon, 9/7 X0 (PDG, pair production). */
    public static final double CONVERSION_LENGTH_X0 = 9.0 / 7.0;

    private final Calorimeter calo;
    private final GFlash gflash;

    public ShowerSimulator(Calorimeter calo) {
        this.calo = Objects.requireNonNull(calo, "calo");
        this.gflash = GFlash.of(calo);
    }

    public Calorimeter calorimeter() {
        return calo;
    }

    public GFlash gflash() {
        return gflash;
    }

    /**
     * A shower with a start depth and profile drawn here.
     *
     * @param energyGev incident energy, GeV, {@code >= 0}; 0 gives a noise-only readout
     * @param theta incident angle to the normal, rad, in [0, π/2)
     * @param rnd the source of randomness
     * @return cell energies, MeV, {@link Calorimeter#cells()} values, layer-major
     */
    public float[] shower(double energyGev, double theta, SplittableRandom rnd) {
        if (energyGev == 0) {
            return readout(new double[calo.cells()], rnd);
        }
        double t0 = -CONVERSION_LENGTH_X0 * Math.log(1 - rnd.nextDouble());
        return shower(energyGev, theta, t0, gflash.sampleProfile(energyGev, rnd), rnd);
    }

    /**
     * A shower with the given start depth and profile (tests and injections fix them).
     *
     * @param startX0 depth along the axis where the shower starts, X0
     * @param profile the longitudinal profile
     */
    public float[] shower(double energyGev, double theta, double startX0, GFlash.Profile profile, SplittableRandom rnd) {
        if (!(energyGev > 0) || Double.isInfinite(energyGev)) {
            throw new IllegalArgumentException("energy must be > 0 GeV, got " + energyGev);
        }
        if (!(theta >= 0 && theta < Math.PI / 2)) {
            throw new IllegalArgumentException("theta must be in [0, pi/2), got " + theta);
        }
        double[] cells = new double[calo.cells()];
        deposit(cells, energyGev, theta, startX0, profile, rnd);
        return readout(cells, rnd);
    }

    /** Lateral parameters are tabulated per shower on a grid of this step in t (X0). */
    static final double GRID_X0 = 0.02;

    /**
     * Adds the spots of one shower to {@code cells} (MeV, before noise). The spots are placed one by one;
     * the sampling fluctuation of a cell hit by m spots is drawn once, as Gamma(m·k) (a sum of m
     * independent Gamma(k) spot energies has exactly that law), and the lateral parameters at depth t are
     * taken from a per-shower table on a {@value #GRID_X0} X0 grid.
     */
    void deposit(double[] cells, double energyGev, double theta, double startX0, GFlash.Profile profile,
            SplittableRandom rnd) {
        int n = gflash.spots(energyGev);
        double spotMev = 1000.0 * energyGev / n;
        // sum of n Gamma(k) spots has relative width 1/sqrt(nk) = a/sqrt(E)
        double a = calo.samplingTerm();
        double k = energyGev / (a * a * n);
        double tmax = profile.tmax() > 0 ? profile.tmax() : 1.0 / profile.beta();
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double x0 = calo.x0();
        double rm = calo.moliere();
        // beyond the back along the axis (or 3 X0 more when inclined) a spot cannot land in a cell
        double tLast = calo.depth() / Math.max(cos, 0.05) + 3;
        int grid = (int) Math.ceil(tLast / GRID_X0) + 1;
        double[] pCore = new double[grid];
        double[] rCore = new double[grid];
        double[] rTail = new double[grid];
        for (int g = 0; g < grid; g++) {
            double tau = g * GRID_X0 / tmax;
            pCore[g] = gflash.coreProbability(energyGev, tau);
            rCore[g] = gflash.coreRadius(energyGev, tau) * rm;
            rTail[g] = gflash.tailRadius(energyGev, tau) * rm;
        }
        int[] hits = new int[cells.length];
        for (int i = 0; i < n; i++) {
            double t = Normal.gamma(profile.alpha(), rnd) / profile.beta();
            if (startX0 + t >= tLast) {
                continue;
            }
            int g = (int) (t / GRID_X0 + 0.5);
            double radius = rnd.nextDouble() < pCore[g] ? rCore[g] : rTail[g];
            double u = rnd.nextDouble();
            double r = radius * Math.sqrt(u / (1 - u));
            double phi = 2 * Math.PI * rnd.nextDouble();
            double xs = r * Math.cos(phi);
            double ys = r * Math.sin(phi);
            double along = (startX0 + t) * x0;
            // rotate (xs, ys, along) about y by theta: the axis leans toward +x
            double depth = along * cos - xs * sin;
            double x = along * sin + xs * cos;
            int c = calo.cell(depth / x0, Math.sqrt(x * x + ys * ys) / rm, Math.atan2(ys, x));
            if (c >= 0) {
                hits[c]++;
            }
        }
        for (int c = 0; c < cells.length; c++) {
            if (hits[c] > 0) {
                cells[c] += spotMev * Normal.gamma(hits[c] * k, rnd) / k;
            }
        }
    }

    /** Noise and zero suppression on deposited energies. */
    float[] readout(double[] cells, SplittableRandom rnd) {
        float[] out = new float[cells.length];
        double sigma = calo.noise();
        double thr = calo.threshold();
        for (int i = 0; i < cells.length; i++) {
            double e = cells[i] + (sigma > 0 ? sigma * Normal.next(rnd) : 0);
            out[i] = e > thr ? (float) e : 0f;
        }
        return out;
    }
}
