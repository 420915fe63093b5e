/**
 * The astro domain: galaxy image restoration after Schawinski et al. 2017 (GalaxyGAN).
 * {@link org.realitycheck.astro.AstroDomain} implements the {@link org.realitycheck.core.Domain} SPI on
 * top of the simulator, degradation, FITS, deconvolution and metrics sub-packages;
 * {@link org.realitycheck.astro.AstroDataWriter} and {@link org.realitycheck.astro.AstroDataLoader} read
 * and write the {@code simulate astro} folder layout and read a user's own cut-outs (catalog through commons-csv,
 * the instrument from the catalog, FITS headers or {@code psf.fits}; {@code docs/data.md}).
 */
package org.realitycheck.astro;
