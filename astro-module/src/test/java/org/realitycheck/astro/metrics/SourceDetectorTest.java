package org.realitycheck.astro.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.realitycheck.astro.sim.Sersic;

class SourceDetectorTest {
    @Test
    void pureNoiseGivesNoDetectionsAndBlobsAreFound() {
        SplittableRandom r = new SplittableRandom(4);
        int n = 64;
        int falses = 0;
        for (int k = 0; k < 50; k++) {
            float[] img = new float[n * n];
            for (int i = 0; i < img.length; i++) {
                img[i] = (float) (0.06 * r.nextGaussian());
            }
            falses += SourceDetector.defaults().detect(img, 0, n, n, 0.06).size();
        }
        assertThat(falses).isZero();
        float[] img = new float[n * n];
        new Sersic(50, 2, 1, 1, 0, 16, 16).addTo(img, 0, n, n, 1);
        new Sersic(80, 2, 1, 1, 0, 45, 40).addTo(img, 0, n, n, 1);
        img[5 * n + 60] = 10; // a single hot pixel: below the minimum area
        List<SourceDetector.Source> s = SourceDetector.defaults().detect(img, 0, n, n, 0.06);
        assertThat(s).hasSize(2);
        assertThat(s.get(0).x()).isCloseTo(16, within(0.2));
        assertThat(s.get(1).y()).isCloseTo(40, within(0.2));
        double above = 0;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                above += img[y * n + x] > 0.3 ? img[y * n + x] : 0;
            }
        }
        assertThat(s.get(0).flux()).isCloseTo(above, within(1e-3));
    }

    @Test
    void photometry() {
        int n = 32;
        float[] img = new float[n * n];
        img[10 * n + 20] = 4;
        img[12 * n + 20] = 4;
        double[] c = Photometry.centroid(img, 0, n, n);
        assertThat(c[0]).isEqualTo(20.5);
        assertThat(c[1]).isEqualTo(11.5);
        assertThat(Photometry.apertureFlux(img, 0, n, n, 20.5, 10.5, 1.0)).isEqualTo(4);
        assertThat(Photometry.totalFlux(img, 0, n, n)).isEqualTo(8);
    }
}
