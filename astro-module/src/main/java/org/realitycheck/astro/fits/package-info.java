/**
 * FITS input and output with nom-tam-fits: 2-D images and 3-D cubes (bands) from any image HDU,
 * BSCALE/BZERO and BLANK applied, NaN kept as missing; float32 output with provenance keywords,
 * written atomically. Malformed files raise {@link org.realitycheck.core.BadInputException} naming the
 * file and the HDU.
 */
package org.realitycheck.astro.fits;
