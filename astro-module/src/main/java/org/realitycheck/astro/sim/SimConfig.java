package org.realitycheck.astro.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.realitycheck.astro.degrade.Degradation;
import org.realitycheck.astro.degrade.NoiseModel;
import org.realitycheck.astro.degrade.Psf;
import org.realitycheck.core.BadInputException;

/**
 * Everything the simulator needs: image geometry, instrument, degradation, redshift range and the
 * mix of sample kinds. {@link #fromOptions} parses the {@code simulate astro} options.
 *
 * @param size image side in pixels, a power of two in {@code [16, 512]} (default 64)
 * @param bands 1 (r) or 3 (g, r, i)
 * @param pixelScale arcsec per pixel (default 0.396, SDSS)
 * @param psfKind PSF family (default Gaussian)
 * @param fwhmArcsec PSF FWHM in arcsec (default 1.4)
 * @param moffatBeta Moffat β (default 4.765)
 * @param noise noise model (default GalaxyGAN)
 * @param sig GalaxyGAN background multiplier (default 1.2)
 * @param sigmaOrig native background σ of the un-degraded image, counts (default 0.05)
 * @param sky sky level for Poisson noise, counts (default 1.0)
 * @param gain electrons per count for Poisson noise (default 50)
 * @param readNoise read noise for Poisson noise, counts (default 0.03)
 * @param downsample block side of the optional down-sampling (default 1, none)
 * @param zMin lowest redshift (default 0.01)
 * @param zMax highest redshift (default 0.05; the OOD sweep goes to 0.25)
 * @param bulgeDisk true to draw bulge + disk galaxies instead of single Sérsic profiles
 * @param emptyFraction fraction of empty fields in {@code simulate} (default 0)
 * @param injectedFraction fraction of injected rare objects in {@code simulate} (default 0)
 * @param morphology the structure added to galaxies ({@link Morphology#SMOOTH} by default; option
 *     {@code morphology=smooth|mixed} and the per-feature probabilities {@link Morphology#KEYS})
 */
public record SimConfig(int size, int bands, double pixelScale, Psf.Kind psfKind, double fwhmArcsec, double moffatBeta,
        NoiseModel noise, double sig, double sigmaOrig, double sky, double gain, double readNoise, int downsample,
        double zMin, double zMax, boolean bulgeDisk, double emptyFraction, double injectedFraction, Morphology morphology) {

    /** The option keys {@link #fromOptions} accepts (kebab-case, as every domain's). */
    public static final List<String> KEYS = List.of("size", "bands", "pixel-scale", "psf", "fwhm", "moffat-beta", "noise",
            "sig", "sigma-orig", "sky", "gain", "read-noise", "downsample", "z-min", "z-max", "bulge-disk",
            "empty-fraction", "injected-fraction", "morphology", "arms", "clumps", "bar", "dust-lane", "neighbours", "stars");

    /**
     * The names before options were kebab-case ({@code z_max}), each mapped to its key in {@link #KEYS};
     * still accepted, deprecated (the CLI says so on stderr, the library in a log warning).
     */
    public static final Map<String, String> DEPRECATED = deprecated(KEYS);

    /** @return {@code snake_case → kebab-case} for every key with a hyphen */
    public static Map<String, String> deprecated(List<String> keys) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : keys) {
            if (k.contains("-")) {
                m.put(k.replace('-', '_'), k);
            }
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    public SimConfig {
        Objects.requireNonNull(psfKind, "psfKind");
        Objects.requireNonNull(noise, "noise");
        Objects.requireNonNull(morphology, "morphology");
        if (size < 16 || size > 512 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size must be a power of two in [16, 512], got " + size);
        }
        if (bands != 1 && bands != 3) {
            throw new IllegalArgumentException("bands must be 1 or 3, got " + bands);
        }
        if (!(pixelScale > 0) || !(fwhmArcsec > 0)) {
            throw new IllegalArgumentException("pixel-scale and fwhm must be > 0, got " + pixelScale + ", " + fwhmArcsec);
        }
        if (fwhmArcsec / pixelScale > size / 4.0) {
            throw new IllegalArgumentException("fwhm " + fwhmArcsec + "\" is wider than a quarter of the image");
        }
        if (!(moffatBeta > 1)) {
            throw new IllegalArgumentException("moffat-beta must be > 1, got " + moffatBeta);
        }
        if (!(sig >= 1)) {
            throw new IllegalArgumentException("sig must be >= 1, got " + sig);
        }
        if (!(sigmaOrig > 0) || !(sky >= 0) || !(gain > 0) || !(readNoise >= 0)) {
            throw new IllegalArgumentException("need sigma-orig > 0, sky >= 0, gain > 0, read-noise >= 0");
        }
        if (downsample < 1 || size % downsample != 0 || Integer.bitCount(downsample) != 1) {
            throw new IllegalArgumentException("downsample must be a power of two dividing size, got " + downsample);
        }
        if (!(zMin > 0) || !(zMax >= zMin) || zMax > 3) {
            throw new IllegalArgumentException("need 0 < z-min <= z-max <= 3, got " + zMin + ", " + zMax);
        }
        if (!(emptyFraction >= 0) || !(injectedFraction >= 0) || emptyFraction + injectedFraction > 1) {
            throw new IllegalArgumentException("empty-fraction and injected-fraction must be >= 0 and sum to <= 1, got "
                    + emptyFraction + ", " + injectedFraction);
        }
    }

    /** The defaults: 64×64, 1 band, SDSS pixels, Gaussian 1.4″ PSF, GalaxyGAN noise sig 1.2, z ∈ [0.01, 0.05]. */
    public static SimConfig defaults() {
        return new SimConfig(64, 1, Psf.SDSS_PIXEL_SCALE, Psf.Kind.GAUSSIAN, Psf.GALAXYGAN_FWHM_ARCSEC, Psf.DEFAULT_BETA,
                NoiseModel.GALAXYGAN, Degradation.DEFAULT_SIG, 0.05, 1.0, 50, 0.03, 1, 0.01, 0.05, false, 0, 0, Morphology.SMOOTH);
    }

    /**
     * Parses options over the defaults.
     *
     * @param options keys from {@link #KEYS}, values as text
     * @throws BadInputException for an unknown key (the message lists the known ones) or a bad value:
     *     the options are a user's input
     */
    public static SimConfig fromOptions(Map<String, String> options) {
        return BadInputException.whileParsing("astro options " + options, () -> parseOptions(options));
    }

    private static SimConfig parseOptions(Map<String, String> options) {
        Map<String, String> o = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : options.entrySet()) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (DEPRECATED.containsKey(k)) {
                org.realitycheck.core.Deprecations.warnOnce("option", k, DEPRECATED.get(k));
                k = DEPRECATED.get(k);
            }
            if (!KEYS.contains(k)) {
                throw new BadInputException("unknown astro option '" + e.getKey() + "'; known options: " + String.join(", ", KEYS));
            }
            // parsed below under the snake-case names of the record's fields
            o.put(k.replace('-', '_'), e.getValue().trim());
        }
        SimConfig d = defaults();
        return new SimConfig(
                integer(o, "size", d.size), integer(o, "bands", d.bands), number(o, "pixel_scale", d.pixelScale),
                o.containsKey("psf") ? Psf.Kind.parse(o.get("psf")) : d.psfKind, number(o, "fwhm", d.fwhmArcsec),
                number(o, "moffat_beta", d.moffatBeta), o.containsKey("noise") ? NoiseModel.parse(o.get("noise")) : d.noise,
                number(o, "sig", d.sig), number(o, "sigma_orig", d.sigmaOrig), number(o, "sky", d.sky),
                number(o, "gain", d.gain), number(o, "read_noise", d.readNoise), integer(o, "downsample", d.downsample),
                number(o, "z_min", d.zMin), number(o, "z_max", d.zMax), bool(o, "bulge_disk", d.bulgeDisk),
                number(o, "empty_fraction", d.emptyFraction), number(o, "injected_fraction", d.injectedFraction),
                morphology(o));
    }

    /** {@code morphology} (smooth, mixed) with the per-feature probabilities over it; a probability alone implies mixed's others off. */
    private static Morphology morphology(Map<String, String> o) {
        Map<String, Double> p = new LinkedHashMap<>();
        for (String k : Morphology.KEYS) {
            String key = k.replace('-', '_');
            if (o.containsKey(key)) {
                p.put(k, number(o, key, 0));
            }
        }
        return Morphology.of(o.getOrDefault("morphology", "smooth"), p);
    }

    private static double number(Map<String, String> o, String k, double def) {
        return parse(o, k, def, Double::parseDouble, "a number");
    }

    private static int integer(Map<String, String> o, String k, int def) {
        return parse(o, k, def, Integer::parseInt, "an integer");
    }

    private static <T> T parse(Map<String, String> o, String k, T def, java.util.function.Function<String, T> f, String what) {
        String v = o.get(k);
        if (v == null) {
            return def;
        }
        try {
            return f.apply(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("astro option " + k.replace('_', '-') + " must be " + what + ", got '" + v + "'", e);
        }
    }

    private static boolean bool(Map<String, String> o, String k, boolean def) {
        String v = o.get(k);
        if (v == null) {
            return def;
        }
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("astro option " + k + " must be true or false, got '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    /** @return this configuration with another redshift range */
    public SimConfig withRedshift(double lo, double hi) {
        return new SimConfig(size, bands, pixelScale, psfKind, fwhmArcsec, moffatBeta, noise, sig, sigmaOrig, sky, gain,
                readNoise, downsample, lo, hi, bulgeDisk, emptyFraction, injectedFraction, morphology);
    }

    /** @return the PSF in detector pixels */
    public Psf psf() {
        return Psf.fromArcsec(psfKind, fwhmArcsec, pixelScale, moffatBeta);
    }

    /** @return the degradation this configuration describes */
    public Degradation degradation() {
        Degradation d = noise == NoiseModel.GALAXYGAN ? Degradation.galaxyGan(psf(), sig, sigmaOrig)
                : Degradation.poisson(psf(), sky, gain, readNoise);
        return d.withDownsample(downsample);
    }

    /** @return the per-sample shape {@code [bands, size, size]} */
    public long[] shape() {
        return new long[] {bands, size, size};
    }
}
