package org.realitycheck.astro.degrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.realitycheck.astro.AstroDomain;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;

/** The noise σ that Richardson–Lucy's stopping rule uses when the data gives none. */
class BackgroundNoiseTest {
    @Test
    void pureWhiteNoiseGivesItsSigma() {
        SplittableRandom r = new SplittableRandom(4);
        float[] img = new float[64 * 64];
        for (int i = 0; i < img.length; i++) {
            img[i] = (float) (2.5 * Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble()));
        }
        // 8064 differences: the MAD's relative standard error is ~1.7%; 6% is 3.5 standard errors
        assertThat(Background.sigmaFromDifferences(img, 0, 64, 64)).isCloseTo(2.5, within(0.15));
        assertThat(Background.noiseSigma(img, 0, 64, 64)).isCloseTo(2.5, within(0.15));
    }

    @Test
    void largeNearbyGalaxiesDoNotInflateTheEstimate() {
        SampleSet set = new AstroDomain().data().simulate(60, 3, Map.of("z-min", "0.01", "z-max", "0.05")).ofKind("galaxy");
        double worst = 0;
        double worstClipped = 0;
        double mean = 0;
        for (Sample s : set) {
            double truth = s.covariate("sky_sigma").getAsDouble();
            double ratio = Background.noiseSigma(s.condition(), 0, 64, 64) / truth;
            worst = Math.max(worst, Math.abs(ratio - 1));
            mean += ratio / set.size();
            worstClipped = Math.max(worstClipped, Math.abs(Background.sigma(s.condition()) / truth - 1));
        }
        // measured at z 0.01-0.05 (galaxies filling the stamp): the clipped MAD alone is off by up to a factor of
        // several, the combined estimate by at most ~35% and ~5% on average
        assertThat(mean).isCloseTo(1.0, within(0.1));
        assertThat(worst).isLessThan(0.5).isLessThan(worstClipped);
    }
}
