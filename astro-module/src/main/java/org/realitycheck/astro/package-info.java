/**
 * The astro domain: galaxy image restoration after Schawinski et al. 2017 (GalaxyGAN).
 * {@link org.realitycheck.astro.AstroDomain} implements the {@link org.realitycheck.core.Domain} SPI on
 * top of the simulator, degradation, FITS, deconvolution, metrics and data (file layout) sub-packages, one
 * class per role: {@link org.realitycheck.astro.AstroData}, {@link org.realitycheck.astro.AstroReference},
 * {@link org.realitycheck.astro.AstroProbes}, {@link org.realitycheck.astro.AstroRecipe}.
 */
package org.realitycheck.astro;
