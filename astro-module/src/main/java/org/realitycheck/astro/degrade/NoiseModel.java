package org.realitycheck.astro.degrade;

import java.util.Locale;

/** How noise is added after the PSF. */
public enum NoiseModel {
    /**
     * Schawinski et al. 2017: the original image (truth plus its native noise σ_orig) is blurred, then
     * white noise of variance {@code (sig·σ_orig)² − σ_blurred²} is added, σ_blurred measured from
     * the near-zero pixels of the blurred image, so the final background σ is {@code sig·σ_orig}.
     */
    GALAXYGAN,
    /** Poisson on (signal + sky)·gain, sky subtracted again, plus Gaussian read noise. */
    POISSON;

    /**
     * @param name {@code galaxygan} or {@code poisson}, any case
     * @throws IllegalArgumentException otherwise, listing the known names
     */
    public static NoiseModel parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "galaxygan" -> GALAXYGAN;
            case "poisson" -> POISSON;
            default -> throw new IllegalArgumentException("unknown noise model '" + name + "'; known: galaxygan, poisson");
        };
    }
}
