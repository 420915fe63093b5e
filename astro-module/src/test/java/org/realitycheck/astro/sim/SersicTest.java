package org.realitycheck.astro.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.realitycheck.astro.metrics.Photometry;

class SersicTest {
    /** r_e is the half-light radius exactly when γ(2n, b_n)/Γ(2n) = 1/2 (Ciotti & Bertin 1999). */
    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1, 2, 4, 8})
    void bnMakesReTheHalfLightRadius(double n) {
        // the series is asymptotic: 7·10⁻⁴ at n = 0.5, better than 10⁻⁴ from n = 1
        assertThat(Gamma.regularizedGammaP(2 * n, Sersic.bn(n))).isCloseTo(0.5, within(n < 1 ? 1e-3 : 1e-4));
    }

    /** ∫ I(r) 2π q r dr, numerically in geometric segments out to 10⁴ r_e, against the closed form. */
    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1, 2, 4})
    void numericallyIntegratedFluxMatchesClosedForm(double n) {
        double re = 3.0;
        double q = 0.6;
        double ie = 1.7;
        double b = Sersic.bn(n);
        IterativeLegendreGaussIntegrator in = new IterativeLegendreGaussIntegrator(16, 1e-10, 1e-12);
        double sum = 0;
        double lo = 0;
        for (double hi = re / 64; hi <= re * 1e4; hi *= 2) {
            sum += in.integrate(100_000, r -> 2 * Math.PI * q * r * ie * Math.exp(-b * (Math.pow(r / re, 1 / n) - 1)), lo, hi);
            lo = hi;
        }
        assertThat(sum / Sersic.totalFlux(ie, re, n, q)).isCloseTo(1.0, within(0.005));
    }

    /** The rendered image holds the requested flux (profiles compact enough to fit the canvas). */
    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1, 2})
    void renderedImageHoldsTheFlux(double n) {
        int s = 256;
        float[] img = new float[s * s];
        new Sersic(1000, 5, n, 0.7, 0.3, 128.2, 127.6).addTo(img, 0, s, s, 1);
        assertThat(Photometry.totalFlux(img, 0, s, s) / 1000).isCloseTo(1.0, within(0.005));
    }

    /** The half-light radius of a rendered round profile equals r_e within a fraction of a pixel. */
    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1, 4})
    void renderedHalfLightRadiusIsRe(double n) {
        int s = 256;
        double re = 6;
        float[] img = new float[s * s];
        new Sersic(1000, re, n, 1, 0, 128, 128).addTo(img, 0, s, s, 1);
        double rh = Photometry.halfLightRadius(img, 0, s, s, 128, 128, 1000, 200);
        assertThat(rh).isCloseTo(re, within(0.25));
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> new Sersic(1, 0, 1, 1, 0, 0, 0)).hasMessageContaining("re");
        assertThatThrownBy(() -> new Sersic(1, 1, 1, 1.5, 0, 0, 0)).hasMessageContaining("q");
        assertThatThrownBy(() -> new Sersic(-1, 1, 1, 1, 0, 0, 0)).hasMessageContaining("flux");
    }
}
