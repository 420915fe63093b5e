/**
 * The astro GAN: pix2pix (U-Net generator, PatchGAN discriminator from gan-core) trained on simulated
 * (degraded → truth) pairs in the asinh-stretched scale of Schawinski et al. 2017, either directly or as
 * a correction to the Richardson–Lucy restoration ({@link org.realitycheck.astro.gan.AstroFormulation},
 * {@link org.realitycheck.astro.gan.RlResidual}).
 */
package org.realitycheck.astro.gan;
