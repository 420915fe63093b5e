/**
 * The astro file layout: the {@code simulate astro} folder (catalog.csv, truth/*.fits, degraded/*.fits)
 * written by {@link org.realitycheck.astro.data.AstroDataWriter} and read by
 * {@link org.realitycheck.astro.data.AstroDataLoader}, which also reads a scientist's own cut-outs: the
 * catalog through commons-csv ({@link org.realitycheck.astro.data.Catalog}), the instrument from the catalog,
 * FITS headers, {@code psf.fits} or the data options ({@link org.realitycheck.astro.data.InstrumentReader};
 * {@code docs/data.md}). The domain's data role ({@link org.realitycheck.astro.AstroData}) delegates here.
 */
package org.realitycheck.astro.data;
