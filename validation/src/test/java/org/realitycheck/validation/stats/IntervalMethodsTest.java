package org.realitycheck.validation.stats;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link BootstrapIntervals} and {@link OrderStatistics} against {@code reference/stats/intervals_reference.json},
 * made by {@code make_intervals_reference.py} next to it (scipy/numpy).
 */
class IntervalMethodsTest {
    private static final JsonNode REF = load();

    private static JsonNode load() {
        try (InputStream in = IntervalMethodsTest.class.getResourceAsStream("/reference/stats/intervals_reference.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double[] arr(String key) {
        return Reference.doubles(REF.get(key));
    }

    @Test
    void percentileBcaAndStudentizedMatchTheFormulaInNumpy() {
        double[] rep = arr("replicates");
        assertThat(BootstrapIntervals.percentile(rep, 0.95).low()).isCloseTo(arr("percentile")[0], within(1e-12));
        assertThat(BootstrapIntervals.percentile(rep, 0.95).high()).isCloseTo(arr("percentile")[1], within(1e-12));
        double a = BootstrapIntervals.acceleration(arr("influence"));
        assertThat(a).isCloseTo(REF.get("acceleration").asDouble(), within(1e-15));
        Interval bca = BootstrapIntervals.bca(rep, REF.get("estimate").asDouble(), a, 0.95);
        assertThat(bca.low()).isCloseTo(arr("bca")[0], within(1e-9));
        assertThat(bca.high()).isCloseTo(arr("bca")[1], within(1e-9));
        Interval t = BootstrapIntervals.studentized(1.5, 0.2, arr("t_replicates"), 0.95);
        assertThat(t.low()).isCloseTo(arr("studentized")[0], within(1e-12));
        assertThat(t.high()).isCloseTo(arr("studentized")[1], within(1e-12));
    }

    @Test
    void infiniteReplicatesAreOrderStatisticsAndANaNOneMakesTheIntervalUndefined() {
        double[] rep = new double[100];
        for (int i = 0; i < rep.length; i++) {
            rep[i] = i < 99 ? 1 + i / 100.0 : Double.POSITIVE_INFINITY;
        }
        Interval p = BootstrapIntervals.percentile(rep, 0.95);
        assertThat(p.low()).isFinite();
        assertThat(p.high()).isFinite();
        rep[0] = Double.POSITIVE_INFINITY;
        rep[1] = Double.POSITIVE_INFINITY;
        rep[2] = Double.POSITIVE_INFINITY;
        assertThat(BootstrapIntervals.percentile(rep, 0.95).high()).isEqualTo(Double.POSITIVE_INFINITY);
        rep[5] = Double.NaN;
        assertThat(BootstrapIntervals.percentile(rep, 0.95)).isEqualTo(BootstrapIntervals.UNDEFINED);
        assertThatThrownBy(() -> BootstrapIntervals.percentile(new double[1], 0.95))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void orderStatisticRanksCoverageAndEndsMatchTheBinomialInScipy() {
        double[] sample = arr("sample");
        for (JsonNode c : REF.get("order_statistics")) {
            int n = c.get("n").asInt();
            double q = c.get("q").asDouble();
            int[] r = OrderStatistics.ranks(n, q, 0.95);
            assertThat(r).as("n=%d q=%s", n, q).containsExactly(c.get("l").asInt(), c.get("u").asInt());
            assertThat(OrderStatistics.coverage(n, q, r[0], r[1])).isCloseTo(c.get("coverage").asDouble(), within(1e-12))
                    .isGreaterThanOrEqualTo(0.95);
            if (c.has("exact")) {
                Interval e = OrderStatistics.exact(sample, q, 0.95);
                assertThat(e.low()).isEqualTo(Reference.doubles(c.get("exact"))[0]);
                assertThat(e.high()).isEqualTo(Reference.doubles(c.get("exact"))[1]);
                Interval i = OrderStatistics.interpolated(sample, q, 0.95);
                assertThat(i.low()).isCloseTo(Reference.doubles(c.get("interpolated"))[0], within(1e-12));
                assertThat(i.high()).isCloseTo(Reference.doubles(c.get("interpolated"))[1], within(1e-12));
            }
        }
        // five values cannot bound a median at 95% (each tail misses with 1/32 > 2.5%): unbounded
        Interval five = OrderStatistics.exact(new double[] {1, 2, 3, 4, 5}, 0.5, 0.95);
        assertThat(five.low()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(five.high()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    /** Newcombe's first example, (36, 12, 2, 0): 0.0569 to 0.3404 in his Table II, method 10. */
    @Test
    void pairedDifferenceMatchesNewcombesTableAndTheFormulaInScipy() {
        Interval ex = PairedProportions.newcombe(36, 12, 2, 0, 0.95);
        assertThat(ex.low()).isCloseTo(0.0569, within(5e-5));
        assertThat(ex.high()).isCloseTo(0.3404, within(5e-5));
        for (JsonNode c : REF.get("newcombe")) {
            int[] k = new int[4];
            for (int i = 0; i < 4; i++) {
                k[i] = c.get("counts").get(i).asInt();
            }
            Interval ci = PairedProportions.newcombe(k[0], k[1], k[2], k[3], 0.95);
            assertThat(ci.low()).isCloseTo(Reference.doubles(c.get("ci"))[0], within(1e-12));
            assertThat(ci.high()).isCloseTo(Reference.doubles(c.get("ci"))[1], within(1e-12));
        }
        assertThatThrownBy(() -> PairedProportions.newcombe(0, 0, 0, 0, 0.95)).isInstanceOf(IllegalArgumentException.class);
    }
}
