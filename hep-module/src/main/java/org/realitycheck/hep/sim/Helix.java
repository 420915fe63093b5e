package org.realitycheck.hep.sim;

import org.realitycheck.hep.track.TrackParameters;

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
    private double cosPhi;
    private double sinPhi;
    private double cotTheta;
    private double rho;
    private double pathLength;

    private Helix(double x, double y, double z, double phi, double cotTheta, double rho) {
        this.x = x;
        this.y = y;
        this.z = z;
        this.phi = phi;
        this.cosPhi = Math.cos(phi);
        this.sinPhi = Math.sin(phi);
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
        double c = cosPhi;
        double s = sinPhi;
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
        double bestU = Double.NaN;
        double bestTau = Double.NaN;
        double bestH = Double.NaN;
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
            // u = tan(ω/2), h = ω/2, s = ω/ρ = τ·atan(u)/u
            double u = rho * tau / 2;
            double h = Math.atan(u);
            double sPath = Math.abs(u) < 1e-4 ? tau * (1 - u * u / 3) : 2 * h / rho;
            if (!(sPath > 1e-9)) {
                if (rho == 0) {
                    continue;
                }
                sPath += 2 * Math.PI / Math.abs(rho);
            }
            if (sPath < bestS) {
                bestS = sPath;
                bestU = u;
                bestTau = tau;
                bestH = h;
            }
        }
        if (Double.isInfinite(bestS)) {
            return false;
        }
        // half-angle rotation without trigonometry: cos h = 1/√(1+u²), sin h = u·cos h
        double inv = 1 / (1 + bestU * bestU);
        double cosH = Math.sqrt(inv);
        double sinH = bestU * cosH;
        double chord = bestTau * cosH;
        x += chord * (c * cosH + s * sinH);
        y += chord * (s * cosH - c * sinH);
        z += bestS * cotTheta;
        double cos2h = (1 - bestU * bestU) * inv;
        double sin2h = 2 * bestU * inv;
        cosPhi = c * cos2h + s * sin2h;
        sinPhi = s * cos2h - c * sin2h;
        phi = TrackParameters.wrapAngle(phi - 2 * bestH);
        pathLength += bestS;
        return true;
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
        cosPhi = Math.cos(phi);
        sinPhi = Math.sin(phi);
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

    /** @return cos φ, kept alongside φ */
    public double cosPhi() {
        return cosPhi;
    }

    /** @return sin φ, kept alongside φ */
    public double sinPhi() {
        return sinPhi;
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
