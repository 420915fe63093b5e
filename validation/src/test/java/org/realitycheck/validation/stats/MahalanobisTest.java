package org.realitycheck.validation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class MahalanobisTest {

    @Test
    void matchesNumpy() {
        JsonNode c = Reference.get("mahalanobis");
        Mahalanobis m = Mahalanobis.fit(Reference.matrix(c.get("reference")));
        assertThat(m.ridge()).isZero();
        double[][] q = Reference.matrix(c.get("queries"));
        double[] expected = Reference.doubles(c.get("distances"));
        for (int i = 0; i < q.length; i++) {
            assertThat(m.distance(q[i])).isCloseTo(expected[i], within(1e-11 * expected[i]));
        }
    }

    @Test
    void singularCovarianceGetsARidge() {
        // second feature is a copy of the first: covariance is singular
        double[][] r = {{0, 0}, {1, 1}, {2, 2}, {3, 3}};
        Mahalanobis m = Mahalanobis.fit(r);
        assertThat(m.ridge()).isPositive();
        assertThat(m.distance(new double[] {1.5, 1.5})).isCloseTo(0.0, within(1e-12));
        assertThat(m.distance(new double[] {3, 0})).isGreaterThan(1000.0); // off the reference line
        assertThat(m.distance(new double[] {1.5, 1.5})).isFinite();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> Mahalanobis.fit(new double[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference");
        Mahalanobis m = Mahalanobis.fit(new double[][] {{1, 2}, {2, 1}, {0, 0}});
        assertThatThrownBy(() -> m.distance(new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension 2");
        assertThatThrownBy(() -> m.distance(new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    }
}
