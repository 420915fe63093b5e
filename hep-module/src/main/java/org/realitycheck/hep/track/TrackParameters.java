package org.realitycheck.hep.track;

/**
 * Perigee parameters of a helix with respect to the z axis, in the HEP convention used throughout
 * this module:
 * <ul>
 *   <li>{@code qOverPt}: charge over transverse momentum, 1/GeV (charge in units of e);</li>
 *   <li>{@code phi0}: azimuth of the momentum at the point of closest approach (PCA), rad, in (−π, π];</li>
 *   <li>{@code d0}: signed transverse impact parameter, mm; the PCA is
 *       {@code (x, y) = (−d0·sin φ0, d0·cos φ0)} (the ATLAS perigee convention);</li>
 *   <li>{@code z0}: z of the PCA, mm;</li>
 *   <li>{@code cotTheta}: p_z / p_T, so η = asinh(cot θ).</li>
 * </ul>
 * In a field B along +z a positive track turns clockwise, with radius R [m] = p_T [GeV] / (0.2998·B [T]).
 *
 * @param qOverPt q/p_T in 1/GeV, finite and non-zero
 * @param phi0 φ0 in rad, finite; wrapped into (−π, π]
 * @param d0 d0 in mm, finite
 * @param z0 z0 in mm, finite
 * @param cotTheta cot θ, finite
 */
public record TrackParameters(double qOverPt, double phi0, double d0, double z0, double cotTheta) {
    /** Number of parameters, the length of the target vector. */
    public static final int SIZE = 5;

    public TrackParameters {
        if (!Double.isFinite(qOverPt) || qOverPt == 0) {
            throw new IllegalArgumentException("qOverPt must be finite and non-zero, got " + qOverPt);
        }
        if (!Double.isFinite(phi0) || !Double.isFinite(d0) || !Double.isFinite(z0) || !Double.isFinite(cotTheta)) {
            throw new IllegalArgumentException("phi0, d0, z0 and cotTheta must be finite, got " + phi0 + ", " + d0
                    + ", " + z0 + ", " + cotTheta);
        }
        phi0 = wrapAngle(phi0);
    }

    /**
     * @param pt transverse momentum, GeV, {@code > 0}
     * @param charge {@code +1} or {@code −1}
     */
    public static TrackParameters of(double pt, int charge, double phi0, double d0, double z0, double cotTheta) {
        if (!(pt > 0) || Double.isInfinite(pt)) {
            throw new IllegalArgumentException("pt must be finite and > 0, got " + pt);
        }
        if (charge != 1 && charge != -1) {
            throw new IllegalArgumentException("charge must be +1 or -1, got " + charge);
        }
        return new TrackParameters(charge / pt, phi0, d0, z0, cotTheta);
    }

    /**
     * The parameters of a particle produced at its point of closest approach to the z axis.
     *
     * @param vx vertex x, mm (assumed to be the PCA)
     * @param vy vertex y, mm
     * @param vz vertex z, mm
     * @param px momentum x, GeV
     * @param py momentum y, GeV
     * @param pz momentum z, GeV
     * @param charge the charge, non-zero
     */
    public static TrackParameters fromVertex(double vx, double vy, double vz, double px, double py, double pz,
            int charge) {
        double pt = Math.hypot(px, py);
        if (charge == 0 || !(pt > 0)) {
            throw new IllegalArgumentException("need a charged particle with pT > 0, got q=" + charge + " pT=" + pt);
        }
        double phi = Math.atan2(py, px);
        double d0 = -vx * Math.sin(phi) + vy * Math.cos(phi);
        return new TrackParameters(charge / pt, phi, d0, vz, pz / pt);
    }

    /** @param v five values in the order of the record components, e.g. a sample target */
    public static TrackParameters fromArray(float[] v) {
        if (v.length != SIZE) {
            throw new IllegalArgumentException("need " + SIZE + " track parameters, got " + v.length);
        }
        return new TrackParameters(v[0], v[1], v[2], v[3], v[4]);
    }

    /** @return the five parameters as floats, in record order (the target layout) */
    public float[] toFloats() {
        return new float[] {(float) qOverPt, (float) phi0, (float) d0, (float) z0, (float) cotTheta};
    }

    /** @return the five parameters as doubles, in record order */
    public double[] toArray() {
        return new double[] {qOverPt, phi0, d0, z0, cotTheta};
    }

    /** @return transverse momentum, GeV */
    public double pt() {
        return 1.0 / Math.abs(qOverPt);
    }

    /** @return the charge sign, +1 or −1 */
    public int charge() {
        return qOverPt > 0 ? 1 : -1;
    }

    /** @return pseudorapidity η = asinh(cot θ) */
    public double eta() {
        return asinh(cotTheta);
    }

    /** @return total momentum, GeV */
    public double p() {
        return pt() * Math.sqrt(1 + cotTheta * cotTheta);
    }

    /** @return x of the point of closest approach, mm */
    public double pcaX() {
        return -d0 * Math.sin(phi0);
    }

    /** @return y of the point of closest approach, mm */
    public double pcaY() {
        return d0 * Math.cos(phi0);
    }

    /** @return signed curvature ρ = q·0.2998·B/p_T in 1/mm (positive: clockwise) for field {@code bField} in T */
    public double curvature(double bField) {
        return qOverPt * Units.C_LIGHT * bField * 1e-3;
    }

    /** asinh without cancellation for negative arguments. */
    public static double asinh(double x) {
        double a = Math.abs(x);
        double r = Math.log(a + Math.sqrt(a * a + 1));
        return x < 0 ? -r : r;
    }

    /** @return {@code a} wrapped into (−π, π] */
    public static double wrapAngle(double a) {
        if (a > -Math.PI && a <= Math.PI) {
            return a;
        }
        double w = a - 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI));
        return w <= -Math.PI ? w + 2 * Math.PI : w;
    }

    /** Physical constants and unit conversions. */
    public static final class Units {
        /** c in GeV/(T·m): R [m] = p_T [GeV] / (C_LIGHT·B [T]). */
        public static final double C_LIGHT = 0.299792458;

        private Units() {
        }
    }
}
