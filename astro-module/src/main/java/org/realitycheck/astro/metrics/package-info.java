/**
 * Image-quality metrics (PSNR with an explicit data range, SSIM after Wang et al. 2004), photometry
 * (total and aperture flux, centroid, half-light radius) and the k·σ source detector used by the
 * hallucination check.
 */
package org.realitycheck.astro.metrics;
