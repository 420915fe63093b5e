package org.realitycheck.astro.degrade;

import java.util.Locale;

/**
 * A circular point-spread function, Gaussian or Moffat, with its FWHM in detector pixels.
 *
 * <ul>
 *   <li>Gaussian: {@code I(r) ∝ exp(−r²/2σ²)}, {@code σ = FWHM / (2√(2 ln 2)) ≈ FWHM/2.355}; its
 *       integral is {@code 2πσ²} times the peak.</li>
 *   <li>Moffat (Moffat 1969, A&amp;A 3, 455): {@code I(r) ∝ [1 + (r/α)²]^(−β)},
 *       {@code α = FWHM / (2√(2^{1/β} − 1))}; its integral is {@code πα²/(β − 1)} times the peak
 *       ({@code β > 1}). The default {@code β = 4.765} is the value Trujillo et al. 2001
 *       (MNRAS 328, 977) found to describe atmospheric seeing.</li>
 * </ul>
 *
 * Stamps are integrated over each pixel (sub-sampled), truncated to an odd square and normalised
 * to sum 1. FWHM in arcsec converts to pixels through the pixel scale ({@link #fromArcsec}).
 *
 * @param kind {@link Kind#GAUSSIAN} or {@link Kind#MOFFAT}
 * @param fwhmPix full width at half maximum in detector pixels, {@code > 0}
 * @param beta Moffat β ({@code > 1}); ignored (conventionally NaN) for a Gaussian
 */
public record Psf(Kind kind, double fwhmPix, double beta) {
    /** SDSS pixel scale, arcsec per pixel (Schawinski et al. 2017). */
    public static final double SDSS_PIXEL_SCALE = 0.396;
    /** The GalaxyGAN degradation PSF FWHM in arcsec (Schawinski et al. 2017). */
    public static final double GALAXYGAN_FWHM_ARCSEC = 1.4;
    /** Default Moffat β (Trujillo et al. 2001). */
    public static final double DEFAULT_BETA = 4.765;
    /** Default stamp side in pixels (the speed budget allows stamps up to 15×15). */
    public static final int DEFAULT_STAMP = 15;

    /** The PSF families. */
    public enum Kind {
        GAUSSIAN, MOFFAT;

        /**
         * @param name {@code gaussian} or {@code moffat}, any case
         * @throws IllegalArgumentException for any other name, listing the known ones
         */
        public static Kind parse(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "gaussian" -> GAUSSIAN;
                case "moffat" -> MOFFAT;
                default -> throw new IllegalArgumentException("unknown psf '" + name + "'; known: gaussian, moffat");
            };
        }

        /** @return a numeric code for catalogs and covariates: 0 Gaussian, 1 Moffat */
        public int code() {
            return this == GAUSSIAN ? 0 : 1;
        }

        /** @return the kind with {@link #code()} {@code c} */
        public static Kind ofCode(double c) {
            return c == 1 ? MOFFAT : GAUSSIAN;
        }
    }

    public Psf {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if (!(fwhmPix > 0) || !Double.isFinite(fwhmPix)) {
            throw new IllegalArgumentException("fwhmPix must be finite and > 0, got " + fwhmPix);
        }
        if (kind == Kind.MOFFAT && !(beta > 1)) {
            throw new IllegalArgumentException("Moffat beta must be > 1, got " + beta);
        }
    }

    /** A Gaussian PSF of the given FWHM in pixels. */
    public static Psf gaussian(double fwhmPix) {
        return new Psf(Kind.GAUSSIAN, fwhmPix, Double.NaN);
    }

    /** A Moffat PSF of the given FWHM in pixels and β. */
    public static Psf moffat(double fwhmPix, double beta) {
        return new Psf(Kind.MOFFAT, fwhmPix, beta);
    }

    /**
     * @param kind the family
     * @param fwhmArcsec FWHM in arcsec
     * @param pixelScale arcsec per pixel, {@code > 0}
     * @param beta Moffat β (ignored for Gaussian)
     */
    public static Psf fromArcsec(Kind kind, double fwhmArcsec, double pixelScale, double beta) {
        if (!(pixelScale > 0)) {
            throw new IllegalArgumentException("pixelScale must be > 0, got " + pixelScale);
        }
        double fwhm = fwhmArcsec / pixelScale;
        return kind == Kind.GAUSSIAN ? gaussian(fwhm) : moffat(fwhm, beta);
    }

    /** Gaussian σ in pixels ({@code FWHM / 2√(2 ln 2)}). */
    public double sigma() {
        return fwhmPix / (2 * Math.sqrt(2 * Math.log(2)));
    }

    /** Moffat α in pixels ({@code FWHM / 2√(2^{1/β} − 1)}). */
    public double alpha() {
        return fwhmPix / (2 * Math.sqrt(Math.pow(2, 1 / beta) - 1));
    }

    /** The profile at radius {@code r} pixels, normalised to 1 at the centre. */
    public double profile(double r) {
        if (kind == Kind.GAUSSIAN) {
            double s = sigma();
            return Math.exp(-r * r / (2 * s * s));
        }
        double a = alpha();
        return Math.pow(1 + r * r / (a * a), -beta);
    }

    /** The analytic integral of {@link #profile} over the plane, in pixel². */
    public double analyticIntegral() {
        if (kind == Kind.GAUSSIAN) {
            double s = sigma();
            return 2 * Math.PI * s * s;
        }
        double a = alpha();
        return Math.PI * a * a / (beta - 1);
    }

    /** @return a stamp of {@link #DEFAULT_STAMP} pixels, normalised to sum 1 */
    public float[] stamp() {
        return stamp(DEFAULT_STAMP, 1, true);
    }

    /**
     * Renders the PSF integrated over each pixel (5×5 sub-samples per pixel).
     *
     * @param size odd side of the stamp, in stamp pixels
     * @param finer stamp pixels per detector pixel ({@code >= 1}); 4 renders on a 4× oversampled grid
     * @param normalise true to scale the stamp to sum 1; false keeps the profile's units
     *     (peak 1 per detector pixel², so the sum times {@code 1/finer²} approximates
     *     {@link #analyticIntegral()})
     * @return {@code size × size} values, row-major, centred on the middle pixel
     */
    public float[] stamp(int size, int finer, boolean normalise) {
        if (size < 1 || size % 2 == 0) {
            throw new IllegalArgumentException("stamp size must be odd and >= 1, got " + size);
        }
        if (finer < 1) {
            throw new IllegalArgumentException("finer must be >= 1, got " + finer);
        }
        final int sub = 5;
        int c = size / 2;
        double[] v = new double[size * size];
        double sum = 0;
        for (int j = 0; j < size; j++) {
            for (int i = 0; i < size; i++) {
                double acc = 0;
                for (int sj = 0; sj < sub; sj++) {
                    double y = (j - c + (sj + 0.5) / sub - 0.5) / finer;
                    for (int si = 0; si < sub; si++) {
                        double x = (i - c + (si + 0.5) / sub - 0.5) / finer;
                        acc += profile(Math.sqrt(x * x + y * y));
                    }
                }
                v[j * size + i] = acc / (sub * sub);
                sum += v[j * size + i];
            }
        }
        float[] out = new float[size * size];
        double norm = normalise ? sum : 1.0;
        for (int k = 0; k < out.length; k++) {
            out[k] = (float) (v[k] / norm);
        }
        return out;
    }

    /** The transfer function of the default normalised stamp on an {@code h × w} grid. */
    public Otf otf(int h, int w) {
        int size = Math.min(DEFAULT_STAMP, (Math.min(h, w) - 1) | 1);
        return Otf.of(stamp(size, 1, true), size, h, w);
    }
}
