package org.realitycheck.astro.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.realitycheck.astro.TestData;

class CosmologyTest {
    private final Cosmology c = Cosmology.defaults();

    /** Reference: scipy.integrate.quad, see reference/make_reference.py. */
    @Test
    void distancesMatchScipyReference() {
        for (String l : TestData.lines("cosmology_reference.txt")) {
            String[] f = l.trim().split("\\s+");
            double z = Double.parseDouble(f[0]);
            assertThat(c.comovingDistance(z)).isCloseTo(Double.parseDouble(f[1]), within(1e-6 * Double.parseDouble(f[1])));
            assertThat(c.angularDiameterDistance(z)).isCloseTo(Double.parseDouble(f[2]), within(1e-6 * Double.parseDouble(f[2])));
            assertThat(c.luminosityDistance(z)).isCloseTo(Double.parseDouble(f[3]), within(1e-6 * Double.parseDouble(f[3])));
        }
    }

    /** Low-z expansion D_L ≈ (cz/H0)(1 + (1 − q0) z/2), q0 = Ωm/2 − ΩΛ (Hogg 1999). */
    @Test
    void lowRedshiftExpansion() {
        double z = 0.001;
        double q0 = 0.3 / 2 - 0.7;
        double approx = Cosmology.C_KM_S * z / 70 * (1 + (1 - q0) * z / 2);
        assertThat(c.luminosityDistance(z) / approx).isCloseTo(1, within(1e-5));
    }

    /** From z = 0.01 to 0.02 a galaxy gets about 2× smaller and about 4× fainter (docs/science.md). */
    @Test
    void galaxiesShrinkAndFadeWithRedshift() {
        assertThat(c.arcsec(1, 0.01) / c.arcsec(1, 0.02)).isCloseTo(1.98, within(0.02));
        double f = Math.pow(c.luminosityDistance(0.02) / c.luminosityDistance(0.01), 2);
        assertThat(f).isCloseTo(4.06, within(0.05));
        assertThat(c.luminosityDistance(0.3)).isCloseTo(Math.pow(1.3, 2) * c.angularDiameterDistance(0.3), within(1e-9));
    }
}
