package org.realitycheck.astro.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.realitycheck.astro.TestData;

class ImageQualityTest {
    /** Reference values from scikit-image 0.19.3 (reference/make_reference.py). */
    @Test
    void matchesScikitImage() {
        float[] a = TestData.floats("ssim_a.txt");
        float[] b = TestData.floats("ssim_b.txt");
        double range = TestData.value("ssim_reference.txt", "data_range");
        assertThat(ImageQuality.range(a)).isCloseTo(range, within(1e-6));
        assertThat(ImageQuality.psnr(a, b, range)).isCloseTo(TestData.value("ssim_reference.txt", "psnr"), within(1e-4));
        assertThat(ImageQuality.ssim(a, b, 64, 64, range)).isCloseTo(TestData.value("ssim_reference.txt", "ssim"), within(1e-4));
        assertThat(ImageQuality.ssim(a, b, 64, 64, 4.0)).isCloseTo(TestData.value("ssim_reference.txt", "ssim_range4"), within(1e-4));
    }

    @Test
    void closedFormCases() {
        float[] x = new float[32 * 32];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        assertThat(ImageQuality.ssim(x, x, 32, 32, 1)).isCloseTo(1.0, within(1e-12));
        float[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += 0.25f;
        }
        // MSE = 1/16 on R = 2: PSNR = 10 log10(4·16)
        assertThat(ImageQuality.psnr(x, y, 2)).isCloseTo(10 * Math.log10(64), within(1e-4));
    }
}
