package org.realitycheck.hep.sim;

import org.realitycheck.hep.TrackParameters;

/**
 * A charged particle moving on a helix in a uniform field along +z: its current position, the
 * azimuth φ of its transverse direction, cot θ and the signed curvature ρ = q·0.2998·B/p_T (1/mm,
 * positive = clockwise). {@link #toRadius} moves it to the next crossing with a cylinder. The state
 * is mutable (one object per propagated track, no allocation per step).
 *
 * <p>Along the transverse path length s the turning angle is ω = ρs, the direction becomes φ − ω
 * and the chord is {@code c·(cos(φ − ω/2), sin(φ − ω/2))} with {@code c = 2 sin(ω/2)/ρ}. The
 * crossing with radius r solves, with τ = 2 tan(ω/2)/ρ (τ → s for ρ → 0),
 * <pre>  (1 + Nρ − ρ²Δ/4)·τ² + 2A·τ − Δ = 0,  A = x cos φ + y sin φ,  N = x sin φ − y cos φ,  Δ = r² − x² − y²,</pre>
 * which stays exact as ρ → 0 (no subtraction of large radii). For a track from the origin it gives
 * the textbook φ_hit = φ0 − q̂·asin(r/2R), z_hit = z0 + 2R·asin(r/2R)·cot θ, and no solution for
 * r &gt; 2R: the track curls before the layer.
 */
public final class Helix {
    private double x;
    private double y;
    private double z;
    private double phi;
    private double cotTheta;
    private double rho;
    private double pathLength;

    private Helix(double x, double y, double z, double phi, double cotTheta, double rho) {
        this.x = x;
        this.y = y;
        this.z = z;
        this.phi = phi;
        this.cotTheta = cotTheta;
        this.rho = rho;
    }

    /**
     * A helix at the point of closest approach of {@code p}.
     *
     * @param p the perigee parameters
     * @param bField the field, T
     */
    public static Helix at(TrackParameters p, double bField) {
        return new Helix(p.pcaX(), p.pcaY(), p.z0(), p.phi0(), p.cotTheta(), p.curvature(bField));
    }

    /**
     * Moves to the first crossing with the cylinder of radius {@code r} strictly ahead (path length
     * &gt; 1e-9 mm). The state is unchanged when there is none (the track curls before reaching
     * {@code r}, or cannot come back to it).
     *
     * @param r the cylinder radius, mm, {@code > 0}
     * @return true when the track crosses the cylinder
     */
    public boolean toRadius(double r) {
        double c = Math.cos(phi);
        double s = Math.sin(phi);
        double a = x * c + y * s;
        double n = x * s - y * c;
        double delta = r * r - (x * x + y * y);
        double a2 = 1 + n * rho - rho * rho * delta / 4;
        double disc = a * a + a2 * delta;
        if (disc < 0) {
            return false;
        }
        double q = -(a + Math.copySign(Math.sqrt(disc), a));
        double bestS = Double.POSITIVE_INFINITY;
        double bestTau = Double.NaN;
        for (int k = 0; k < 2; k++) {
            double tau;
            if (k == 0) {
                if (a2 == 0) {
                    continue;
                }
                tau = q / a2;
            } else {
                if (q == 0) {
                    continue;
                }
                tau = -delta / q;
            }
            double sPath = tau * atanc(rho * tau / 2);
            if (!(sPath > 1e-9)) {
                if (rho == 0) {
                    continue;
                }
                sPath += 2 * Math.PI / Math.abs(rho);
            }
            if (sPath < bestS) {
                bestS = sPath;
                bestTau = tau;
            }
        }
        if (Double.isInfinite(bestS)) {
            return false;
        }
        double halfOmega = Math.atan(rho * bestTau / 2);
        double chord = bestTau * Math.cos(halfOmega);
        double dir = phi - halfOmega;
        x += chord * Math.cos(dir);
        y += chord * Math.sin(dir);
        z += bestS * cotTheta;
        phi = TrackParameters.wrapAngle(phi - 2 * halfOmega);
        pathLength += bestS;
        return true;
    }

    /** atan(u)/u, continuous at 0. */
    private static double atanc(double u) {
        return Math.abs(u) < 1e-4 ? 1 - u * u / 3 : Math.atan(u) / u;
    }

    /**
     * Changes the direction and momentum at the current point (scattering, a decay in flight).
     *
     * @param dPhi added to the azimuth, rad
     * @param newCotTheta the new cot θ
     * @param newRho the new signed curvature, 1/mm
     */
    public void deflect(double dPhi, double newCotTheta, double newRho) {
        phi = TrackParameters.wrapAngle(phi + dPhi);
        cotTheta = newCotTheta;
        rho = newRho;
    }

    /** @return x, mm */
    public double x() {
        return x;
    }

    /** @return y, mm */
    public double y() {
        return y;
    }

    /** @return z, mm */
    public double z() {
        return z;
    }

    /** @return azimuth of the transverse direction, rad */
    public double phi() {
        return phi;
    }

    /** @return cot θ */
    public double cotTheta() {
        return cotTheta;
    }

    /** @return signed curvature, 1/mm */
    public double rho() {
        return rho;
    }

    /** @return transverse path length travelled so far, mm */
    public double pathLength() {
        return pathLength;
    }
}
