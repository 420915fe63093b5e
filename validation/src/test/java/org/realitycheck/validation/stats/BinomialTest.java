package org.realitycheck.validation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class BinomialTest {

    @Test
    void matchesScipyBinomtestProportionCi() {
        for (JsonNode c : Reference.get("binomial")) {
            int k = c.get("k").asInt();
            int n = c.get("n").asInt();
            double level = c.get("level").asDouble();
            Interval e = Binomial.clopperPearson(k, n, level);
            Interval w = Binomial.wilson(k, n, level);
            String as = k + "/" + n + " @" + level;
            // Beta inverse CDF solved to 1e-14 absolute; normal quantile via erfInv ~1e-15
            assertThat(e.low()).as(as).isCloseTo(c.get("exact").get(0).asDouble(), within(1e-11));
            assertThat(e.high()).as(as).isCloseTo(c.get("exact").get(1).asDouble(), within(1e-11));
            assertThat(w.low()).as(as).isCloseTo(c.get("wilson").get(0).asDouble(), within(1e-11));
            assertThat(w.high()).as(as).isCloseTo(c.get("wilson").get(1).asDouble(), within(1e-11));
        }
    }

    @Test
    void edgesAreExact() {
        assertThat(Binomial.clopperPearson(0, 20, 0.95).low()).isZero();
        assertThat(Binomial.clopperPearson(20, 20, 0.95).high()).isEqualTo(1.0);
        // k=0: high = 1 - (alpha/2)^(1/n)  (closed form)
        assertThat(Binomial.clopperPearson(0, 20, 0.95).high())
                .isCloseTo(1 - Math.pow(0.025, 1.0 / 20), within(1e-12));
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> Binomial.clopperPearson(3, 2, 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k must be in");
        assertThatThrownBy(() -> Binomial.wilson(0, 0, 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n must be >= 1");
        assertThatThrownBy(() -> Binomial.wilson(1, 2, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("level must be in (0, 1)");
    }
}
