package org.realitycheck.validation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PullsTest {

    @Test
    void matchesNumpyAndSkipsInvalidEntries() {
        JsonNode c = Reference.get("pulls");
        double[] r = Reference.doubles(c.get("residuals"));
        double[] s = Reference.doubles(c.get("sigmas"));
        Pulls p = Pulls.of(r, s);
        assertThat(p.n()).isEqualTo(c.get("n").asInt());
        assertThat(Pulls.skipped(r, s)).isEqualTo(c.get("skipped").asInt());
        assertThat(p.mean()).isCloseTo(c.get("mean").asDouble(), within(1e-13));
        assertThat(p.width()).isCloseTo(c.get("width").asDouble(), within(1e-13));
        assertThat(p.fractionBeyond3()).isCloseTo(c.get("fractionBeyond3").asDouble(), within(1e-15));
    }

    @Test
    void gaussianPullsAreStandardNormal() {
        // invariant: pulls of a correct fit are N(0,1); with n = 20000 the MAD width has sd ~ 0.009
        SplittableRandom rng = new SplittableRandom(99);
        int n = 20000;
        double[] res = new double[n];
        double[] sig = new double[n];
        for (int i = 0; i < n; i++) {
            sig[i] = 0.5 + rng.nextDouble();
            double g = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
            res[i] = g * sig[i];
        }
        Pulls p = Pulls.of(res, sig);
        assertThat(p.mean()).isCloseTo(0.0, within(4 / Math.sqrt(n)));
        assertThat(p.width()).isCloseTo(1.0, within(0.04));
        assertThat(p.fractionBeyond3()).isCloseTo(0.0027, within(0.0015));
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> Pulls.of(new double[] {1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same length");
        assertThatThrownBy(() -> Pulls.of(new double[] {1}, new double[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no valid entry");
        assertThatThrownBy(() -> new Pulls(0, 0, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n must be >= 1");
    }
}
