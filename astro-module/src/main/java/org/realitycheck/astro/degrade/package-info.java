/**
 * The instrument: Gaussian and Moffat point-spread functions, circular FFT convolution on
 * power-of-two grids, the GalaxyGAN noise recipe (Schawinski et al. 2017) and plain
 * Poisson+Gaussian noise, block down-sampling and the invertible asinh stretch.
 * All images are row-major {@code float[]} in counts per pixel, sky-subtracted.
 */
package org.realitycheck.astro.degrade;
