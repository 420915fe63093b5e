#!/usr/bin/env python3
"""Independent reference values for astro-module tests.

Made with Debian's python3-skimage 0.19.3 / numpy 1.24.2 / scipy (apt-get install python3-skimage):
    /usr/bin/python3 make_reference.py
Writes:
  ssim_a.txt, ssim_b.txt      two fixed 64x64 float32 images (one value per line, row-major)
  ssim_reference.txt          data_range, PSNR (skimage.metrics.peak_signal_noise_ratio) and SSIM
                              (skimage.metrics.structural_similarity with gaussian_weights=True, sigma=1.5,
                              use_sample_covariance=False, K1=0.01, K2=0.03)
  cosmology_reference.txt     z, D_C, D_A, D_L in Mpc for flat LCDM H0=70, Om=0.3 (scipy.integrate.quad)
"""
import numpy as np
import scipy
from scipy.integrate import quad
import skimage
from skimage.metrics import structural_similarity, peak_signal_noise_ratio

rng = np.random.default_rng(20170213)
y, x = np.mgrid[0:64, 0:64] + 0.5
# a smooth "galaxy" plus noise, and a blurred, noisier version of it
a = 3.0 * np.exp(-((x - 31.2) ** 2 / (2 * 4.0 ** 2) + (y - 33.7) ** 2 / (2 * 2.5 ** 2)))
a += rng.normal(0, 0.05, a.shape)
b = 2.2 * np.exp(-((x - 31.5) ** 2 / (2 * 4.6 ** 2) + (y - 33.2) ** 2 / (2 * 3.1 ** 2)))
b += rng.normal(0, 0.08, b.shape)
a = a.astype(np.float32)
b = b.astype(np.float32)
np.savetxt("ssim_a.txt", a.ravel(), fmt="%.9e")
np.savetxt("ssim_b.txt", b.ravel(), fmt="%.9e")
a64 = np.loadtxt("ssim_a.txt").astype(np.float32).astype(np.float64).reshape(64, 64)
b64 = np.loadtxt("ssim_b.txt").astype(np.float32).astype(np.float64).reshape(64, 64)
rng_ = float(a64.max() - a64.min())
psnr = peak_signal_noise_ratio(a64, b64, data_range=rng_)
ssim = structural_similarity(a64, b64, gaussian_weights=True, sigma=1.5, use_sample_covariance=False,
                             K1=0.01, K2=0.03, data_range=rng_)
ssim4 = structural_similarity(a64, b64, gaussian_weights=True, sigma=1.5, use_sample_covariance=False,
                              K1=0.01, K2=0.03, data_range=4.0)
with open("ssim_reference.txt", "w") as f:
    f.write("# skimage %s numpy %s scipy %s\n" % (skimage.__version__, np.__version__, scipy.__version__))
    f.write("data_range %.17g\n" % rng_)
    f.write("psnr %.17g\n" % psnr)
    f.write("ssim %.17g\n" % ssim)
    f.write("ssim_range4 %.17g\n" % ssim4)

c = 299792.458
with open("cosmology_reference.txt", "w") as f:
    f.write("# flat LCDM H0=70 Om=0.3, scipy.integrate.quad(epsabs=0, epsrel=1e-12); z D_C D_A D_L [Mpc]\n")
    for z in (0.01, 0.02, 0.05, 0.1, 0.25, 1.0):
        dc = c / 70 * quad(lambda t: 1 / np.sqrt(0.3 * (1 + t) ** 3 + 0.7), 0, z, epsabs=0, epsrel=1e-12)[0]
        f.write("%g %.10f %.10f %.10f\n" % (z, dc, dc / (1 + z), dc * (1 + z)))
