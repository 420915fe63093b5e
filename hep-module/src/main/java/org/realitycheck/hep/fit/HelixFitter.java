package org.realitycheck.hep.fit;

import java.util.Objects;

import org.realitycheck.hep.detector.Detector;
import org.realitycheck.hep.sim.SimTrack;
import org.realitycheck.hep.track.HitVector;
import org.realitycheck.hep.track.TrackParameters;

/**
 * The conventional track fit: Karimäki's non-iterative circle fit in the transverse plane
 * (V. Karimäki, "Effective circle fitting for particle trajectories", NIM A 305 (1991) 187) and a
 * weighted straight-line fit of z against the transverse arc length.
 *
 * <p><b>Circle.</b> With curvature ρ (positive clockwise), direction φ and signed distance d of the
 * point of closest approach (PCA at d·(sin φ, −cos φ)), a point (x, y), r² = x² + y², lies on the circle when
 * <pre>  ½ρr² − (1 + ρd)(x sin φ − y cos φ) + ½ρd² + d = 0.</pre>
 * With κ = ρ/(2(1 + ρd)), δ = d(1 + ½ρd)/(1 + ρd), weighted means x̄, ȳ, r̄² and weighted centred
 * (co)variances C_xx, C_xy, C_yy, C_xr, C_yr, C_rr (r standing for r²), the χ² minimum is
 * <pre>  φ = ½·atan2(2q1, q2),  q1 = C_rr C_xy − C_xr C_yr,  q2 = C_rr (C_xx − C_yy) − C_xr² + C_yr²,
 *  κ = (sin φ C_xr − cos φ C_yr)/C_rr,  δ = −κ r̄² + x̄ sin φ − ȳ cos φ,
 *  ρ = 2κ/√(1 − 4δκ),  d = 2δ/(1 + √(1 − 4δκ))</pre>
 * (Karimäki eqs. 8–12). φ is fixed modulo π by requiring the innermost hit to lie ahead of the PCA.
 * The rφ error σ of a hit displaces it along its layer, which moves it off the track by
 * σ·|cos(φ − Φ_i)| (Φ_i the hit azimuth); the fit is therefore repeated once with weights
 * 1/(σ_i cos(φ − Φ_i))² from the first pass (this matters for low-p_T tracks crossing outer layers at an
 * angle). The 3×3 covariance of (ρ, φ, d) is (JᵀWJ)⁻¹ with J the derivatives of the circle equation
 * above, which measures the distance to the circle to first order; this is Karimäki's eq. (17)
 * without his small-d approximation.
 *
 * <p><b>Line.</b> The transverse arc length from the PCA to hit i is s_i = 2·asin(ρc_i/2)/ρ, c_i the
 * chord; z = z0 + s·cot θ is fitted with weights 1/σ_z². Its errors are taken as independent of the
 * circle's (the s_i depend on the circle only weakly).
 *
 * <p><b>Assembly.</b> q/p_T = ρ/(0.2998·B·10⁻³), d0 = −d (perigee convention of
 * {@link TrackParameters}), and the covariance is transformed accordingly.
 *
 * <p>Assumptions: the hits are assigned to the track from the simulation truth (no pattern
 * recognition), hits are ordered by increasing radius and span less than half a turn, and multiple
 * scattering is ignored in the weights. The fit allocates nothing per hit; it is thread-safe.
 */
public final class HelixFitter {
    /** Lower bound on |cos(φ − Φ_i)| in the weights, so hits near r = 2R cannot get infinite weight. */
    private static final double MIN_COS = 0.05;

    private final Detector detector;
    private final double rhoPerQOverPt;

    /** @param detector gives B and the per-layer resolutions, never null */
    public HelixFitter(Detector detector) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.rhoPerQOverPt = TrackParameters.Units.C_LIGHT * detector.bField() * 1e-3;
    }

    public Detector detector() {
        return detector;
    }

    /** Fits the measured hits of a simulated track (double precision, no float rounding). */
    public HelixFit fit(SimTrack t) {
        int layers = t.layers();
        double[] x = new double[layers];
        double[] y = new double[layers];
        double[] z = new double[layers];
        int[] layer = new int[layers];
        int n = 0;
        for (int i = 0; i < layers; i++) {
            if (t.hasHit(i)) {
                x[n] = t.x(i);
                y[n] = t.y(i);
                z[n] = t.z(i);
                layer[n++] = i;
            }
        }
        return fit(x, y, z, layer, n);
    }

    /**
     * Fits the hits of a condition vector ({@link HitVector} layout) for this detector.
     *
     * @throws IllegalArgumentException when the vector has fewer than 3 hits or does not match the detector
     */
    public HelixFit fit(float[] condition) {
        int layers = HitVector.layers(condition);
        if (layers != detector.layers()) {
            throw new IllegalArgumentException("condition has " + layers + " layers, the detector " + detector.layers());
        }
        double[] x = new double[layers];
        double[] y = new double[layers];
        double[] z = new double[layers];
        int[] layer = new int[layers];
        int n = 0;
        for (int i = 0; i < layers; i++) {
            if (condition[3 * layers + i] > 0.5f) {
                x[n] = condition[3 * i];
                y[n] = condition[3 * i + 1];
                z[n] = condition[3 * i + 2];
                layer[n++] = i;
            }
        }
        return fit(x, y, z, layer, n);
    }

    /**
     * Fits {@code n} hits.
     *
     * @param x hit x, mm, the first {@code n} used, ordered by increasing radius
     * @param y hit y, mm
     * @param z hit z, mm
     * @param layer the detector layer of each hit (gives σ_rφ and σ_z)
     * @param n number of hits, {@code >= 3}
     * @return the fit
     * @throws IllegalArgumentException when {@code n < 3} (a circle needs three points) or the hits are
     *     degenerate (all on one radius)
     */
    public HelixFit fit(double[] x, double[] y, double[] z, int[] layer, int n) {
        if (n < 3) {
            throw new IllegalArgumentException("a helix fit needs at least 3 hits, got " + n);
        }
        // pass 1: weights 1/σ_rφ²; pass 2: weights projected on the track normal
        double[] circle = new double[4];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double sr = detector.sigmaRphi(layer[i]);
            w[i] = 1 / (sr * sr);
        }
        karimaki(x, y, w, n, circle);
        double cp = Math.cos(circle[1]);
        double sp = Math.sin(circle[1]);
        for (int i = 0; i < n; i++) {
            double cos = Math.max(Math.abs(x[i] * cp + y[i] * sp) / Math.sqrt(x[i] * x[i] + y[i] * y[i]), MIN_COS);
            double sr = detector.sigmaRphi(layer[i]) * cos;
            w[i] = 1 / (sr * sr);
        }
        karimaki(x, y, w, n, circle);
        double rho = circle[0];
        double phi = circle[1];
        double d = circle[2];
        double sinPhi = Math.sin(phi);
        double cosPhi = Math.cos(phi);

        // covariance of (ρ, φ, d): (JᵀWJ)⁻¹ with J from the circle equation, residuals ≈ distances
        double onePlusRhoD = 1 + rho * d;
        double a00 = 0;
        double a01 = 0;
        double a02 = 0;
        double a11 = 0;
        double a12 = 0;
        double a22 = 0;
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            double yi = y[i];
            double r2 = xi * xi + yi * yi;
            double u = xi * sinPhi - yi * cosPhi;
            double along = xi * cosPhi + yi * sinPhi;
            double cos = Math.max(Math.abs(along) / Math.sqrt(r2), MIN_COS);
            double sf = detector.sigmaRphi(layer[i]) * onePlusRhoD * cos;
            double wi = 1 / (sf * sf);
            double jr = 0.5 * r2 - d * u + 0.5 * d * d;
            double jp = -onePlusRhoD * along;
            double jd = 1 + rho * (d - u);
            a00 += wi * jr * jr;
            a01 += wi * jr * jp;
            a02 += wi * jr * jd;
            a11 += wi * jp * jp;
            a12 += wi * jp * jd;
            a22 += wi * jd * jd;
        }
        // symmetric 3×3 inverse by cofactors
        double c00 = a11 * a22 - a12 * a12;
        double c01 = a02 * a12 - a01 * a22;
        double c02 = a01 * a12 - a02 * a11;
        double c11 = a00 * a22 - a02 * a02;
        double c12 = a01 * a02 - a00 * a12;
        double c22 = a00 * a11 - a01 * a01;
        double det = a00 * c00 + a01 * c01 + a02 * c02;
        if (!(det > 0)) {
            throw new IllegalArgumentException("degenerate hit configuration: the circle's normal matrix is singular");
        }

        // line fit z = z0 + s·cotθ, s the arc length from the PCA
        double pcaX = d * sinPhi;
        double pcaY = -d * cosPhi;
        double sw = 0;
        double ss = 0;
        double sz = 0;
        double sss = 0;
        double ssz = 0;
        double[] arc = w; // the circle weights are no longer needed
        for (int i = 0; i < n; i++) {
            double s = arcLength(x[i] - pcaX, y[i] - pcaY, rho);
            arc[i] = s;
            double sig = detector.sigmaZ(layer[i]);
            double wz = 1 / (sig * sig);
            sw += wz;
            ss += wz * s;
            sz += wz * z[i];
            sss += wz * s * s;
            ssz += wz * s * z[i];
        }
        double den = sw * sss - ss * ss;
        if (!(den > 0)) {
            throw new IllegalArgumentException("degenerate hit configuration: all hits at one arc length");
        }
        double cot = (sw * ssz - ss * sz) / den;
        double z0 = (sz - cot * ss) / sw;
        double chi2Line = 0;
        for (int i = 0; i < n; i++) {
            double sig = detector.sigmaZ(layer[i]);
            double r = (z[i] - z0 - cot * arc[i]) / sig;
            chi2Line += r * r;
        }

        double k = 1 / rhoPerQOverPt;
        double[] cov = new double[25];
        // T = diag(k, 1, −1) on (ρ, φ, d) → (q/pT, φ0, d0)
        cov[0] = k * k * c00 / det;
        cov[1] = cov[5] = k * c01 / det;
        cov[2] = cov[10] = -k * c02 / det;
        cov[6] = c11 / det;
        cov[7] = cov[11] = -c12 / det;
        cov[12] = c22 / det;
        cov[18] = sss / den;
        cov[19] = cov[23] = -ss / den;
        cov[24] = sw / den;
        TrackParameters p = new TrackParameters(rho * k, phi, -d, z0, cot);
        return new HelixFit(p, cov, circle[3], n - 3, chi2Line, n - 2);
    }

    /** One Karimäki pass with weights {@code w}. Writes ρ, φ, d and χ² into {@code out}. */
    private static void karimaki(double[] x, double[] y, double[] wts, int n, double[] out) {
        double sw = 0;
        double mx = 0;
        double my = 0;
        double mr = 0;
        for (int i = 0; i < n; i++) {
            double w = wts[i];
            sw += w;
            mx += w * x[i];
            my += w * y[i];
            mr += w * (x[i] * x[i] + y[i] * y[i]);
        }
        mx /= sw;
        my /= sw;
        mr /= sw;
        double cxx = 0;
        double cxy = 0;
        double cyy = 0;
        double cxr = 0;
        double cyr = 0;
        double crr = 0;
        for (int i = 0; i < n; i++) {
            double w = wts[i];
            double dx = x[i] - mx;
            double dy = y[i] - my;
            double dr = x[i] * x[i] + y[i] * y[i] - mr;
            cxx += w * dx * dx;
            cxy += w * dx * dy;
            cyy += w * dy * dy;
            cxr += w * dx * dr;
            cyr += w * dy * dr;
            crr += w * dr * dr;
        }
        cxx /= sw;
        cxy /= sw;
        cyy /= sw;
        cxr /= sw;
        cyr /= sw;
        crr /= sw;
        if (!(crr > 0)) {
            throw new IllegalArgumentException("degenerate hit configuration: all hits at one radius");
        }
        double q1 = crr * cxy - cxr * cyr;
        double q2 = crr * (cxx - cyy) - cxr * cxr + cyr * cyr;
        double phi = 0.5 * Math.atan2(2 * q1, q2);
        double sinPhi = Math.sin(phi);
        double cosPhi = Math.cos(phi);
        if (x[0] * cosPhi + y[0] * sinPhi < 0) {
            phi = TrackParameters.wrapAngle(phi + Math.PI);
            sinPhi = -sinPhi;
            cosPhi = -cosPhi;
        }
        double kappa = (sinPhi * cxr - cosPhi * cyr) / crr;
        double delta = -kappa * mr + sinPhi * mx - cosPhi * my;
        double root = Math.sqrt(Math.max(1 - 4 * delta * kappa, 0));
        double chi2 = 0;
        for (int i = 0; i < n; i++) {
            double w = wts[i];
            double e = kappa * (x[i] * x[i] + y[i] * y[i]) - (x[i] * sinPhi - y[i] * cosPhi) + delta;
            chi2 += w * e * e;
        }
        out[0] = 2 * kappa / root;
        out[1] = phi;
        out[2] = 2 * delta / (1 + root);
        out[3] = chi2;
    }

    /** Arc length along a circle of curvature ρ for a chord (dx, dy) from the PCA: 2·asin(ρc/2)/ρ. */
    static double arcLength(double dx, double dy, double rho) {
        double c = Math.sqrt(dx * dx + dy * dy);
        double u = Math.min(Math.abs(rho) * c / 2, 1.0);
        return u < 1e-4 ? c * (1 + u * u / 6) : 2 * Math.asin(u) / Math.abs(rho);
    }
}
