package org.realitycheck.astro.degrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PsfTest {
    static Stream<Psf> psfs() {
        return Stream.of(Psf.gaussian(3.5354), Psf.moffat(3.5354, Psf.DEFAULT_BETA), Psf.moffat(2.5, 2.5), Psf.gaussian(2.0));
    }

    @ParameterizedTest
    @MethodSource("psfs")
    void stampIntegratesToOne(Psf psf) {
        double s = 0;
        for (float v : psf.stamp()) {
            s += v;
        }
        assertThat(s).isCloseTo(1.0, within(1e-6));
    }

    /** The unnormalised profile on a large, fine stamp integrates to the analytic 2πσ² or πα²/(β−1). */
    @ParameterizedTest
    @MethodSource("psfs")
    void profileIntegralMatchesAnalytic(Psf psf) {
        int finer = 4;
        float[] st = psf.stamp(4 * 60 + 1, finer, false);
        double s = 0;
        for (float v : st) {
            s += v;
        }
        assertThat(s / (finer * finer) / psf.analyticIntegral()).isCloseTo(1.0, within(0.01));
    }

    /** FWHM measured on the 4× oversampled rendering, by half-maximum crossings along the centre row. */
    @ParameterizedTest
    @MethodSource("psfs")
    void measuredFwhmMatchesRequested(Psf psf) {
        int finer = 4;
        int size = 121;
        float[] st = psf.stamp(size, finer, false);
        int c = size / 2;
        double peak = st[c * size + c];
        double half = peak / 2;
        int i = c;
        while (st[c * size + i + 1] > half) {
            i++;
        }
        double a = st[c * size + i];
        double b = st[c * size + i + 1];
        double right = i + (a - half) / (a - b) - c;
        double fwhm = 2 * right / finer;
        assertThat(fwhm / psf.fwhmPix()).isCloseTo(1.0, within(0.02));
    }

    @Test
    void arcsecConversion() {
        Psf p = Psf.fromArcsec(Psf.Kind.GAUSSIAN, 1.4, 0.396, Double.NaN);
        assertThat(p.fwhmPix()).isCloseTo(3.5354, within(1e-4));
        assertThat(p.sigma()).isCloseTo(3.5354 / 2.3548, within(1e-3));
        Psf m = Psf.moffat(4, 3);
        assertThat(m.profile(2)).isCloseTo(0.5, within(1e-12));
    }
}
