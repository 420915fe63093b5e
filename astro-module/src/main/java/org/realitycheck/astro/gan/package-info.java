/**
 * The astro GAN: pix2pix (U-Net generator, PatchGAN discriminator from gan-core) trained on simulated
 * (degraded → truth) pairs in the asinh-stretched scale of Schawinski et al. 2017.
 */
package org.realitycheck.astro.gan;
