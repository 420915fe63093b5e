package org.realitycheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.realitycheck.validation.Metric;
import org.realitycheck.validation.Policy;
import org.realitycheck.validation.Policy.Severity;

/** {@link PlanCommand}'s sizing of one threshold from a pilot interval (closed forms; the suite run is the lead's e2e). */
class PlanCommandTest {
    private static Policy.Threshold upper(double u) {
        return new Policy.Threshold(null, u, null, null, Severity.fail);
    }

    /**
     * Pilot at 1000 samples: 0 [-0.0392, 0.0392] (per-sample sd 0.0392 * sqrt(1000) / 1.96 = 0.6325) against
     * upper 0.05 and an effect of 0.1: n = ((1.96 + 1.645) * 0.6325 / 0.05)^2 = 2080 for both decisions.
     */
    @Test
    void sizesFromThePilotInterval() {
        Metric m = Metric.of("flux.bias", 0, -0.0392, 0.0392, "", "");
        PlanCommand.Row r = PlanCommand.row("residuals", m, "flux.bias", upper(0.05), 1000, null);
        assertThat(r.effect()).isCloseTo(0.1, within(1e-12));
        assertThat(r.nPass()).isBetween(2075, 2085);
        assertThat(r.nFail()).isEqualTo(r.nPass());
        // at the pilot's 1000: P = Phi(0.05 * sqrt(1000) / 0.6325 - 1.96) = Phi(0.540) = 0.705
        assertThat(r.pPass()).isCloseTo(0.705, within(0.002));
        // an explicit effect, and a resolution ratio's default of 1.5 with its sd scaled by the ratio
        assertThat(PlanCommand.row("residuals", m, "flux.bias", upper(0.05), 1000, 0.3).nFail()).isLessThan(r.nFail());
        Metric ratio = Metric.of("x.resolution_ratio", 1.0, 0.9, 1.1, "", "");
        PlanCommand.Row rr = PlanCommand.row("residuals", ratio, "x.resolution_ratio", upper(1.3), 1000, null);
        assertThat(rr.effect()).isEqualTo(1.5);
        assertThat(rr.nFail()).isGreaterThan(Sizing2.expected(0.1 * 1.5, 0.2, 1000));
    }

    @Test
    void unreachableAndDegenerateThresholdsAreSaidSo() {
        PlanCommand.Row self = PlanCommand.row("residuals", Metric.of("x.resolution_ratio", 1, 1, 1, "", ""),
                "x.resolution_ratio", upper(1.3), 1000, null);
        assertThat(self.note()).contains("zero width");
        PlanCommand.Row out = PlanCommand.row("residuals", Metric.of("a", 0.4, 0.35, 0.45, "", ""), "a", upper(0.3), 1000, null);
        assertThat(out.note()).contains("does not meet");
        assertThat(out.nPass()).isEqualTo(Integer.MAX_VALUE);
        PlanCommand.Row none = PlanCommand.row("residuals", Metric.of("a", 0.1, "", ""), "a", upper(0.3), 1000, null);
        assertThat(none.note()).contains("no interval");
    }

    /** The closed form of the test above, written out independently of Sizing. */
    private static final class Sizing2 {
        static int expected(double halfWidthAtEffect, double distance, int n) {
            double sd = halfWidthAtEffect * Math.sqrt(n) / 1.959964;
            double root = (1.959964 + 1.644854) * sd / distance;
            return (int) Math.floor(root * root);
        }
    }
}
