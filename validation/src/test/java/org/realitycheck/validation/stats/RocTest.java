package org.realitycheck.validation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class RocTest {

    @Test
    void aucMatchesScipyMannWhitney() {
        for (JsonNode c : Reference.get("roc")) {
            double[] pos = Reference.doubles(c.get("pos"));
            double[] neg = Reference.doubles(c.get("neg"));
            assertThat(Roc.auc(pos, neg)).isCloseTo(c.get("auc").asDouble(), within(1e-14));
            // the unthinned curve's trapezoid area is the Mann-Whitney AUC (ties give the diagonal ½)
            Roc.Curve curve = Roc.curve(pos, neg);
            double tol = curve.size() < Roc.MAX_POINTS ? 1e-12 : 0.01; // thinned curves lose a little area
            assertThat(curve.area()).isCloseTo(c.get("auc").asDouble(), within(tol));
        }
    }

    @Test
    void curveRunsFromOriginToOneAndIsThinned() {
        double[] pos = new double[1000];
        double[] neg = new double[1000];
        for (int i = 0; i < 1000; i++) {
            pos[i] = i + 0.5;
            neg[i] = i;
        }
        Roc.Curve c = Roc.curve(pos, neg);
        assertThat(c.size()).isEqualTo(Roc.MAX_POINTS);
        assertThat(c.fpr()[0]).isZero();
        assertThat(c.tpr()[0]).isZero();
        assertThat(c.fpr()[c.size() - 1]).isEqualTo(1.0);
        assertThat(c.tpr()[c.size() - 1]).isEqualTo(1.0);
        assertThat(c.area()).isCloseTo(Roc.auc(pos, neg), within(0.01));
        assertThat(Roc.curve(pos, neg).fpr()).containsExactly(c.fpr());
    }

    @Test
    void edgeCases() {
        assertThat(Roc.auc(new double[] {1, 2}, new double[] {1, 2})).isEqualTo(0.5);
        assertThat(Roc.auc(new double[] {3}, new double[] {1, 2})).isEqualTo(1.0);
        assertThat(Roc.auc(new double[] {0}, new double[] {1, 2})).isEqualTo(0.0);
        assertThatThrownBy(() -> Roc.auc(new double[0], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positiveScores");
        assertThatThrownBy(() -> Roc.curve(new double[] {1}, new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negativeScores");
    }
}
