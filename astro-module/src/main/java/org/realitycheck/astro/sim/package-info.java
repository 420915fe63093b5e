/**
 * The galaxy simulator: Sérsic galaxies (optionally bulge + disk) whose physical size and luminosity
 * become angular size and flux through a flat ΛCDM cosmology, rendered on a 4× oversampled grid and
 * pooled; empty fields; and the rare objects absent from training (point sources, close companions,
 * off-centre clumps). Everything is deterministic in the seed.
 */
package org.realitycheck.astro.sim;
