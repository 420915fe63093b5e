package org.realitycheck.astro.degrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class DegradationTest {
    /** After the GalaxyGAN step the background σ is sig·σ_orig (Schawinski et al. 2017). */
    @Test
    void galaxyGanBackgroundIsSigTimesOriginal() {
        for (double sig : new double[] {1.2, 2.0}) {
            Psf psf = Psf.fromArcsec(Psf.Kind.GAUSSIAN, 1.4, 0.396, Double.NaN);
            Degradation d = Degradation.galaxyGan(psf, sig, 0.05);
            int s = 256;
            float[] truth = new float[s * s];
            Degradation.Result r = d.apply(truth, s, s, new SplittableRandom(11));
            double sd = std(r.image());
            assertThat(sd / (sig * 0.05)).isCloseTo(1.0, within(0.03));
            assertThat(r.noiseSigma()).isCloseTo(sig * 0.05, within(1e-12));
        }
    }

    @Test
    void poissonNoiseHasPoissonVariance() {
        Psf psf = Psf.gaussian(3);
        Degradation d = Degradation.poisson(psf, 2.0, 10, 0.0);
        int s = 128;
        Degradation.Result r = d.apply(new float[s * s], s, s, new SplittableRandom(3));
        // counts = Poisson(20)/10 − 2: mean 0, variance 20/100
        assertThat(mean(r.image())).isCloseTo(0, within(0.01));
        assertThat(std(r.image())).isCloseTo(Math.sqrt(0.2), within(0.01));
        SplittableRandom rnd = new SplittableRandom(5);
        for (double lam : new double[] {3, 40}) {
            double m = 0;
            double v = 0;
            int n = 40_000;
            for (int i = 0; i < n; i++) {
                long k = Degradation.poisson(lam, rnd);
                m += k;
                v += (double) k * k;
            }
            m /= n;
            v = v / n - m * m;
            assertThat(m).isCloseTo(lam, within(5 * Math.sqrt(lam / n)));
            assertThat(v / lam).isCloseTo(1, within(0.05));
        }
    }

    @Test
    void convolutionConservesFluxAndFftRoundTrips() {
        int s = 64;
        double[] img = new double[s * s];
        SplittableRandom r = new SplittableRandom(1);
        double sum = 0;
        for (int i = 0; i < img.length; i++) {
            img[i] = r.nextDouble();
            sum += img[i];
        }
        double[] out = new double[s * s];
        new Convolver(s, s).apply(img, 0, Psf.moffat(3, 3).otf(s, s), false, out, 0);
        double so = 0;
        for (double v : out) {
            so += v;
        }
        // the stamp is stored as float, normalised to 1 within float rounding
        assertThat(so).isCloseTo(sum, within(1e-7 * sum));
        double[] re = img.clone();
        double[] im = new double[s * s];
        Fft2 f = new Fft2(s, s);
        f.forward(re, im);
        f.inverse(re, im);
        for (int i = 0; i < img.length; i++) {
            assertThat(re[i]).isCloseTo(img[i], within(1e-12));
        }
    }

    @Test
    void blockAverageConservesFlux() {
        double[] img = new double[64];
        for (int i = 0; i < 64; i++) {
            img[i] = i * i;
        }
        double s0 = java.util.Arrays.stream(img).sum();
        Pooling.blockAverage(img, 0, 8, 8, 2);
        assertThat(java.util.Arrays.stream(img).sum()).isCloseTo(s0, within(1e-9));
        assertThat(img[0]).isEqualTo(img[9]);
    }

    /** The stretch's inverse is exact inside the clip range. */
    @Test
    void stretchRoundTrip() {
        Stretch st = Stretch.galaxyGan();
        for (double x = -0.1; x <= 4.0; x += 0.0137) {
            assertThat(st.invert(st.apply(x))).isCloseTo(x, within(1e-12));
        }
        assertThat(st.apply(-0.1)).isEqualTo(0.0);
        assertThat(st.apply(4.0)).isCloseTo(Math.log(10 + Math.sqrt(101)) / 3, within(1e-15));
        assertThat(st.invert(st.apply(10.0))).isCloseTo(4.0, within(1e-12));
        float[] phys = {-0.05f, 0.5f, 3.9f};
        assertThat(st.invert(st.apply(phys))).containsExactly(new float[] {-0.05f, 0.5f, 3.9f}, within(1e-6f));
    }

    @Test
    void backgroundSigmaIgnoresSources() {
        SplittableRandom r = new SplittableRandom(9);
        float[] img = new float[64 * 64];
        for (int i = 0; i < img.length; i++) {
            img[i] = (float) (0.1 * r.nextGaussian());
        }
        for (int i = 0; i < 300; i++) {
            img[i * 3] += 50;
        }
        assertThat(Background.sigma(img)).isCloseTo(0.1, within(0.006));
    }

    static double mean(float[] x) {
        double s = 0;
        for (float v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double std(float[] x) {
        double m = mean(x);
        double s = 0;
        for (float v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / x.length);
    }
}
