package org.realitycheck.hep.gan;

import org.realitycheck.hep.track.TrackParameters;

/**
 * The track GAN's seeded frame: fixed preprocessing that hands the generator a three-point helix
 * estimate (a trigger's track seed) and each hit's residual from it, appended to the rotated hit vector.
 *
 * <p><b>Why.</b> In the rotated frame a hit's offset is linear in q/p_T only while r ≪ 2R. At p_T = 0.5 GeV
 * in 2 T (2R = 1.67 m) the outermost layer sits at r/2R = 0.61, the offsets bend away from linear, and an MLP
 * on the raw hits measured 4.6× the fit's q/p_T resolution there against 2.5–2.7× above 1 GeV
 * (docs/demo.md, finding 4). The exact circle through three hits carries the curvature at every p_T; what is
 * left for the network is the refinement from the other hits, which is linear in their small residuals
 * from that circle, with coefficients that depend only weakly on p_T. The rotated coordinates themselves are
 * left out: given the seed they carry nothing more (each hit's 2 measured coordinates are its two residuals),
 * and fed alongside it they cost precision exactly where they are far from linear (measured with the default
 * recipe on seeds 1 and 2 at 0.5–0.81 GeV: 1.9× and 2.6× the fit's q/p_T resolution with them, 1.3× and 1.6×
 * with them zeroed, 1.51× and 1.34× in this layout; docs/hep-gan.md).
 *
 * <p><b>Seed.</b> From the present hits (mask set) of a rotated hit vector: A the innermost, C the outermost,
 * B the one whose radius is nearest (r_A + r_C)/2. With B' = B − A and C' = C − A, the circle through A is
 * {a|p − A|² + b(p − A)_x + c(p − A)_y = 0}, (a, b, c) ∝ (|B'|², B'_x, B'_y) × (|C'|², C'_x, C'_y), scaled to
 * b² + c² = 1 and signed so that the tangent at A, (−c, b), points towards C. Then:
 * <ul>
 *   <li>κ = 2a, the signed curvature, positive counter-clockwise (a negative track in +B_z); fed in 1/m;</li>
 *   <li>the signed distance of a point p from the circle, positive to the right of the direction of travel,
 *       δ(p) = 2f/(1 + √(1 + 4af)), f = a|p − A|² + b(p − A)_x + c(p − A)_y: exact, and stable as κ → 0
 *       (Karimäki, NIM A 305 (1991) 187, eq. 4 in this form); the seed's d0 is δ(origin), mm;</li>
 *   <li>the transverse arc length from the origin to a hit at chord c_i from it, s_i = 2·asin(κc_i/2)/κ
 *       (→ c_i as κ → 0); the direction at the origin φ_s = atan2(b, −c) − κ·s_A;</li>
 *   <li>the line z = z_s + s·cot θ_s through A and C in (s, z).</li>
 * </ul>
 * Residuals of the other hits: δ(p_i) (rφ, mm) and z_i − z_s − s_i cot θ_s (mm); those of A, B, C (which
 * lie on the seed by construction) and of missing layers are exactly 0.
 *
 * <p><b>Layout.</b> For L layers, the {@link #length seeded condition} is {@value #SEED} seed values
 * {@code [κ (1/m), φ_s (rad), d0_s (mm), cot θ_s, z_s (mm)]}, L rφ residuals, L z residuals and the L mask
 * values of the hit vector ({@link org.realitycheck.hep.track.HitVector}): 3L + 5 values, 35 for the default
 * detector. With fewer than 3 hits everything but the mask is 0. Everything is computed from the hit
 * coordinates alone (no field, no layer radii), so the same code serves any barrel detector and a model
 * trained against a miscalibrated field still sees the true geometry.
 */
public final class TrackSeed {
    /** Seed values after the hit vector: κ, φ_s, d0_s, cot θ_s, z_s. */
    public static final int SEED = 5;

    private TrackSeed() {
    }

    /** @return the seeded condition length for {@code layers} layers: 3·layers + 5 */
    public static int length(int layers) {
        if (layers < 1) {
            throw new IllegalArgumentException("layers must be >= 1, got " + layers);
        }
        return 3 * layers + SEED;
    }

    /**
     * @return the number of layers of a seeded condition of this length, or −1 when no layer count gives it
     *     (3L + 5 for L ≥ 3; note that 4L' can equal it, e.g. 20 values are 5 layers seeded or 5 plain)
     */
    public static int layersOfSeeded(long length) {
        return length >= 14 && (length - SEED) % 3 == 0 ? Math.toIntExact((length - SEED) / 3) : -1;
    }

    /**
     * Writes the seeded condition of one track.
     *
     * @param rotated a rotated hit vector (4·layers values from {@code offset}), not modified
     * @param offset where the track's hit vector starts
     * @param layers the number of layers
     * @param out receives {@link #length}(layers) values from {@code outOffset}: the seed, the residuals and
     *     a copy of the mask
     * @param outOffset where the track's seeded condition starts
     */
    public static void write(float[] rotated, int offset, int layers, float[] out, int outOffset) {
        int f = outOffset;
        int mask = offset + 3 * layers;
        java.util.Arrays.fill(out, f, f + SEED + 2 * layers, 0f);
        System.arraycopy(rotated, mask, out, f + SEED + 2 * layers, layers);
        int ia = -1;
        int ic = -1;
        int n = 0;
        for (int i = 0; i < layers; i++) {
            if (rotated[mask + i] > 0.5f) {
                ia = ia < 0 ? i : ia;
                ic = i;
                n++;
            }
        }
        if (n < 3) {
            return;
        }
        double ax = x(rotated, offset, ia);
        double ay = y(rotated, offset, ia);
        double rMid = 0.5 * (Math.hypot(ax, ay) + Math.hypot(x(rotated, offset, ic), y(rotated, offset, ic)));
        int ib = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int i = ia + 1; i < ic; i++) {
            if (rotated[mask + i] > 0.5f) {
                double dr = Math.abs(Math.hypot(x(rotated, offset, i), y(rotated, offset, i)) - rMid);
                if (dr < best) {
                    best = dr;
                    ib = i;
                }
            }
        }
        double bx = x(rotated, offset, ib) - ax;
        double by = y(rotated, offset, ib) - ay;
        double cx = x(rotated, offset, ic) - ax;
        double cy = y(rotated, offset, ic) - ay;
        double sb = bx * bx + by * by;
        double sc = cx * cx + cy * cy;
        // (a, b, c) ∝ (sb, bx, by) × (sc, cx, cy): the circle a|p|² + b p_x + c p_y = 0 through A (origin), B', C'
        double a = bx * cy - by * cx;
        double b = by * sc - sb * cy;
        double c = sb * cx - bx * sc;
        double norm = Math.hypot(b, c);
        if (!(norm > 0) || !Double.isFinite(norm) || !Double.isFinite(a)) {
            return;
        }
        a /= norm;
        b /= norm;
        c /= norm;
        if (-c * cx + b * cy < 0) {
            a = -a;
            b = -b;
            c = -c;
        }
        double kappa = 2 * a;
        double sA = arcLength(kappa, Math.hypot(ax, ay));
        double phiS = TrackParameters.wrapAngle(Math.atan2(b, -c) - kappa * sA);
        double d0S = distance(a, b, c, -ax, -ay);
        double sC = arcLength(kappa, Math.hypot(cx + ax, cy + ay));
        double za = rotated[offset + 3 * ia + 2];
        double zc = rotated[offset + 3 * ic + 2];
        double cot = sC - sA > 1e-9 ? (zc - za) / (sC - sA) : 0;
        double zS = za - sA * cot;
        out[f] = (float) (kappa * 1000);
        out[f + 1] = (float) phiS;
        out[f + 2] = (float) d0S;
        out[f + 3] = (float) cot;
        out[f + 4] = (float) zS;
        for (int i = 0; i < layers; i++) {
            if (i == ia || i == ib || i == ic || rotated[mask + i] <= 0.5f) {
                continue;
            }
            double px = x(rotated, offset, i);
            double py = y(rotated, offset, i);
            double s = arcLength(kappa, Math.hypot(px, py));
            out[f + SEED + i] = (float) distance(a, b, c, px - ax, py - ay);
            out[f + SEED + layers + i] = (float) (rotated[offset + 3 * i + 2] - zS - s * cot);
        }
    }

    private static double x(float[] v, int offset, int layer) {
        return v[offset + 3 * layer];
    }

    private static double y(float[] v, int offset, int layer) {
        return v[offset + 3 * layer + 1];
    }

    /**
     * Signed distance of the point A + (dx, dy) from the circle a|q|² + b q_x + c q_y = 0 (q relative to A,
     * b² + c² = 1), positive to the right of the direction of travel (−c, b); beyond the centre (1 + 4af < 0)
     * the square root is taken as 0.
     */
    static double distance(double a, double b, double c, double dx, double dy) {
        double f = a * (dx * dx + dy * dy) + b * dx + c * dy;
        return 2 * f / (1 + Math.sqrt(Math.max(0, 1 + 4 * a * f)));
    }

    /** Arc length, mm, of a circle of curvature κ (1/mm) subtending a chord c (mm); c for κ → 0. */
    static double arcLength(double kappa, double chord) {
        double h = 0.5 * kappa * chord;
        if (Math.abs(h) < 1e-4) {
            return chord * (1 + h * h / 6);
        }
        return 2 * Math.asin(Math.max(-1, Math.min(1, h))) / kappa;
    }
}
