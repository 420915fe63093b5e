package org.realitycheck.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import com.fasterxml.jackson.databind.ObjectMapper;

class FeatureTransformTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void asinhStretchMatchesThePaperAndInvertsExactly() {
        FeatureTransform.AsinhStretch t = FeatureTransform.AsinhStretch.galaxyGan();
        INDArray x = Nd4j.createFromArray(new double[][] {{-0.1, 0.0, 1.0, 4.0}});
        double[] y = t.apply(x).toDoubleVector();
        // closed form: asinh(10·(x+0.1)/4.1)/3
        for (int i = 0; i < 4; i++) {
            double u = (x.getDouble(0, i) + 0.1) / 4.1;
            double expect = Math.log(10 * u + Math.sqrt(100 * u * u + 1)) / 3;
            assertThat(y[i]).isCloseTo(expect, within(1e-12));
        }
        assertThat(t.invert(t.apply(x)).toDoubleVector()).containsExactly(x.toDoubleVector(), within(1e-12));
        // values outside the clip come back clipped
        assertThat(t.invert(t.apply(Nd4j.createFromArray(new double[][] {{9.0}}))).getDouble(0)).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void affineStandardizesPerFeatureAndInverts() {
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 100}, {3, 300}, {5, 500}});
        FeatureTransform.Affine a = FeatureTransform.Affine.standardize(x);
        INDArray y = a.apply(x);
        assertThat(y.mean(0).toDoubleVector()).containsExactly(new double[] {0, 0}, within(1e-12));
        assertThat(a.invert(y).data().asDouble()).containsExactly(x.data().asDouble(), within(1e-9));
    }

    @Test
    void transformsRoundTripThroughJson() throws Exception {
        Normalization n = new Normalization(
                new FeatureTransform.Chain(List.of(FeatureTransform.AsinhStretch.galaxyGan(),
                        new FeatureTransform.Affine(new double[] {0.5}, new double[] {0.25}))),
                new FeatureTransform.Affine(new double[] {1, 2}, new double[] {3, 4}));
        String s = json.writeValueAsString(n);
        assertThat(json.readValue(s, Normalization.class)).isEqualTo(n);
        assertThat(json.readValue(json.writeValueAsString(Normalization.identity()), Normalization.class))
                .isEqualTo(Normalization.identity());
    }
}
