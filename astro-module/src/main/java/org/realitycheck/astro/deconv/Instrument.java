package org.realitycheck.astro.deconv;

import org.realitycheck.astro.degrade.Background;
import org.realitycheck.astro.degrade.Psf;
import org.realitycheck.core.Sample;

/**
 * The instrument state a sample's covariates describe: the PSF ({@code psf_type}, {@code psf_fwhm_pix},
 * {@code moffat_beta}), the down-sampling block ({@code downsample}) and the background σ
 * ({@code sky_sigma}) and the number of bands ({@code bands}). Missing covariates fall back to the simulator defaults (Gaussian, 1.4″ at
 * 0.396″/pix, no down-sampling) and to a robust noise estimate of the condition ({@link Background#noiseSigma}).
 *
 * @param psf the PSF in detector pixels
 * @param downsample block side, {@code >= 1}
 * @param skySigma background σ of the condition, counts, {@code > 0}
 * @param bands number of bands
 * @param size image side
 */
public record Instrument(Psf psf, int downsample, double skySigma, int bands, int size) {
    public Instrument {
        if (downsample < 1) {
            throw new IllegalArgumentException("downsample must be >= 1, got " + downsample);
        }
        if (!(skySigma > 0)) {
            throw new IllegalArgumentException("skySigma must be > 0, got " + skySigma);
        }
    }

    /**
     * @param s the sample; its condition must be {@code bands × size × size} with size a power of two
     * @throws IllegalArgumentException when the condition is not a stack of square power-of-two images
     */
    public static Instrument of(Sample s) {
        float[] c = s.condition();
        int bands = (int) s.covariate("bands").orElse(c.length % 3 == 0 && !isSquare(c.length) ? 3 : 1);
        int size = (int) Math.round(Math.sqrt(c.length / (double) bands));
        if (bands * size * size != c.length || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("sample " + s.id() + ": condition of " + c.length
                    + " values is not 1 or 3 square power-of-two bands");
        }
        double fwhm = s.covariate("psf_fwhm_pix").orElse(Psf.GALAXYGAN_FWHM_ARCSEC / Psf.SDSS_PIXEL_SCALE);
        Psf.Kind kind = Psf.Kind.ofCode(s.covariate("psf_type").orElse(0));
        Psf psf = kind == Psf.Kind.GAUSSIAN ? Psf.gaussian(fwhm) : Psf.moffat(fwhm, s.covariate("moffat_beta").orElse(Psf.DEFAULT_BETA));
        int ds = (int) s.covariate("downsample").orElse(1);
        double sigma = s.covariate("sky_sigma").orElse(Double.NaN);
        if (!(sigma > 0)) {
            // the discrepancy principle of Richardson–Lucy stops on this σ: a source-robust estimate
            sigma = Background.noiseSigma(c, 0, size, size);
            if (!(sigma > 0)) {
                sigma = 1e-6;
            }
        }
        return new Instrument(psf, ds, sigma, bands, size);
    }

    private static boolean isSquare(int n) {
        int r = (int) Math.round(Math.sqrt(n));
        return r * r == n;
    }
}
