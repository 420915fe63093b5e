package org.realitycheck.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class MediansTest {
    /** Against the definition (sort, take the middle or the mean of the middle two) on odd, even, tied and prefix inputs. */
    @Test
    void equalsTheSortedDefinition() {
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 500; trial++) {
            int len = 1 + r.nextInt(60);
            int n = 1 + r.nextInt(len);
            double[] a = new double[len];
            for (int i = 0; i < len; i++) {
                a[i] = trial % 3 == 0 ? r.nextInt(4) : r.nextGaussian();
            }
            double[] sorted = Arrays.copyOf(a, n);
            Arrays.sort(sorted);
            double want = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
            assertThat(Medians.inPlace(a.clone(), n)).as("trial %d, n %d", trial, n).isCloseTo(want, org.assertj.core.api.Assertions.within(1e-12));
        }
    }

    @Test
    void rejectsAnEmptyOrOversizedPrefix() {
        assertThatThrownBy(() -> Medians.inPlace(new double[3], 0)).hasMessageContaining("1 <= n <= 3");
        assertThatThrownBy(() -> Medians.inPlace(new double[3], 4)).hasMessageContaining("got 4");
    }
}
