/**
 * What an astro generator learns and the fixed processing around it: GalaxyGAN's direct mapping, or a
 * correction to the Richardson–Lucy restoration ({@link org.realitycheck.astro.formulation.RlResidual}).
 * A model card names its formulation ({@link org.realitycheck.astro.formulation.AstroFormulation#of}); the
 * astro domain applies it when it wraps a loaded generator.
 */
package org.realitycheck.astro.formulation;
