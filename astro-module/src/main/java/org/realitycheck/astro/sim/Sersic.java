package org.realitycheck.astro.sim;

import org.apache.commons.math3.special.Gamma;

/**
 * A Sérsic (1963) profile, {@code I(r) = I_e·exp(−b_n[(r/r_e)^{1/n} − 1])}, elliptical with axis
 * ratio q and position angle θ: rotate by θ, then {@code r² = x′² + (y′/q)²}. {@code b_n} follows the
 * asymptotic series of Ciotti &amp; Bertin 1999 (A&amp;A 352, 447):
 * {@code b_n ≈ 2n − 1/3 + 4/(405n) + 46/(25515n²) + 131/(1148175n³)}, which makes {@code r_e} the
 * half-light radius. Total flux: {@code F = 2π n q r_e² I_e e^{b_n} b_n^{−2n} Γ(2n)} (Graham &amp;
 * Driver 2005, PASA 22, 118); the profile is normalised to a chosen flux with it.
 *
 * @param flux total flux, counts, {@code >= 0}
 * @param re effective (half-light) radius along the major axis, pixels, {@code > 0}
 * @param n Sérsic index, {@code [0.2, 10]}
 * @param q axis ratio b/a, {@code (0, 1]}
 * @param theta position angle of the major axis from +x towards +y, radians
 * @param x0 centre x in pixels (pixel i covers [i, i+1), its centre is i + 0.5)
 * @param y0 centre y in pixels
 */
public record Sersic(double flux, double re, double n, double q, double theta, double x0, double y0) {
    public Sersic {
        if (!(flux >= 0) || !Double.isFinite(flux)) {
            throw new IllegalArgumentException("flux must be finite and >= 0, got " + flux);
        }
        if (!(re > 0) || !Double.isFinite(re)) {
            throw new IllegalArgumentException("re must be finite and > 0, got " + re);
        }
        if (!(n >= 0.2 && n <= 10)) {
            throw new IllegalArgumentException("n must be in [0.2, 10], got " + n);
        }
        if (!(q > 0 && q <= 1)) {
            throw new IllegalArgumentException("q must be in (0, 1], got " + q);
        }
        if (!Double.isFinite(theta) || !Double.isFinite(x0) || !Double.isFinite(y0)) {
            throw new IllegalArgumentException("theta, x0, y0 must be finite");
        }
    }

    /** @return {@code b_n} from the Ciotti–Bertin series */
    public static double bn(double n) {
        return 2 * n - 1.0 / 3 + 4 / (405 * n) + 46 / (25515 * n * n) + 131 / (1148175 * n * n * n);
    }

    /** @return the closed-form total flux of a profile with surface brightness {@code ie} at {@code re} */
    public static double totalFlux(double ie, double re, double n, double q) {
        double b = bn(n);
        return 2 * Math.PI * n * q * re * re * ie * Math.exp(b) * Math.pow(b, -2 * n) * Math.exp(Gamma.logGamma(2 * n));
    }

    /** @return {@code I_e}, the surface brightness at r_e (counts per pixel²) that gives {@link #flux} */
    public double ie() {
        return flux / totalFlux(1, re, n, q);
    }

    /** @return the surface brightness (counts per pixel²) at the point (x, y) */
    public double at(double x, double y) {
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        double dx = x - x0;
        double dy = y - y0;
        double xp = dx * c + dy * s;
        double yp = (-dx * s + dy * c) / q;
        double r = Math.sqrt(xp * xp + yp * yp);
        return ie() * Math.exp(-bn(n) * (Math.pow(r / re, 1 / n) - 1));
    }

    /**
     * Adds the profile, averaged over each pixel, to an {@code h × w} image: 4×4 sub-samples per pixel
     * (the 4× oversampled grid, average-pooled), 16×16 in the pixels within 1.5 pixels of the centre
     * where the cusp of high-n profiles is steep.
     *
     * @param img the image, row-major, counts per pixel; modified
     * @param offset index of pixel (0, 0) in {@code img}
     * @param scale multiplies the flux (band colour); 1 for the nominal flux
     */
    public void addTo(float[] img, int offset, int h, int w, double scale) {
        final double b = bn(n);
        final double amp = ie() * Math.exp(b) * scale;
        final double c = Math.cos(theta);
        final double s = Math.sin(theta);
        final double invQ = 1 / q;
        final double invRe2 = 1 / (re * re);
        final double halfInvN = 0.5 / n;
        for (int py = 0; py < h; py++) {
            for (int px = 0; px < w; px++) {
                double cx = px + 0.5 - x0;
                double cy = py + 0.5 - y0;
                int sub = (cx * cx + cy * cy < 2.25) ? 16 : 4;
                double step = 1.0 / sub;
                double acc = 0;
                for (int j = 0; j < sub; j++) {
                    double dy = py + (j + 0.5) * step - y0;
                    for (int i = 0; i < sub; i++) {
                        double dx = px + (i + 0.5) * step - x0;
                        double xp = dx * c + dy * s;
                        double yp = (-dx * s + dy * c) * invQ;
                        double r2 = (xp * xp + yp * yp) * invRe2;
                        // (r/re)^{1/n} = exp(ln(r²/re²)/(2n)); r2 == 0 gives exp(-inf) = 0
                        acc += Math.exp(-b * Math.exp(Math.log(r2) * halfInvN));
                    }
                }
                img[offset + py * w + px] += (float) (amp * acc * step * step);
            }
        }
    }
}
