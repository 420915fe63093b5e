package org.realitycheck.validation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class AndersonDarlingTest {

    @Test
    void matchesScipyAndersonKsampMidrank() {
        for (JsonNode c : Reference.get("anderson_ksamp")) {
            JsonNode s = c.get("samples");
            double[][] samples = new double[s.size()][];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = Reference.doubles(s.get(i));
            }
            TestResult r = AndersonDarling.kSample(samples);
            String name = c.get("name").asText();
            assertThat(r.statistic()).as(name).isCloseTo(c.get("statistic").asDouble(), within(1e-12));
            // polyfit by QR vs numpy's scaled lstsq: agree to ~1e-13 relative
            double p = c.get("pvalue").asDouble();
            assertThat(r.pValue()).as(name).isCloseTo(p, within(1e-12 * p + 1e-15));
        }
    }

    @Test
    void pValueIsCappedLikeScipy() {
        double[] a = {1, 2, 3, 4, 5, 6, 7, 8};
        assertThat(AndersonDarling.kSample(a, a.clone()).pValue()).isEqualTo(AndersonDarling.P_CAP_HIGH);
        double[] b = {101, 102, 103, 104, 105, 106, 107, 108};
        assertThat(AndersonDarling.kSample(a, b).pValue()).isEqualTo(AndersonDarling.P_CAP_LOW);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> AndersonDarling.kSample(new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 samples");
        assertThatThrownBy(() -> AndersonDarling.kSample(new double[] {1, 2}, new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("samples[1]");
        assertThatThrownBy(() -> AndersonDarling.kSample(new double[] {1, 1}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("distinct");
        assertThatThrownBy(() -> AndersonDarling.kSample(new double[] {1}, new double[] {2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 4 values");
    }
}
