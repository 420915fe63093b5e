/**
 * The conventional track fit (Karimäki's non-iterative circle fit plus a z–s line fit, NIM A 305
 * (1991) 187) that is both the GAN's training target and its reference, wrapped as the domain's
 * {@link org.realitycheck.core.ConventionalMethod}, and the track forward model (parameters → hits → χ²).
 */
package org.realitycheck.hep.fit;
