/**
 * The conventional restorations the GAN is compared with: Richardson–Lucy (known PSF, flux
 * preserving) and Wiener deconvolution (FFT, noise-to-signal from the background). Both implement the
 * SPI's {@link org.realitycheck.core.ConventionalMethod} and read the PSF from the sample's covariates.
 */
package org.realitycheck.astro.deconv;
