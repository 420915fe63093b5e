package org.realitycheck.calo.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.calo.CaloDomain;
import org.realitycheck.core.Generator;
import org.realitycheck.core.ModelCard;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.data.FloatArrays;

/**
 * The frame's pre- and post-processing invert each other: a network that returned the frame's targets
 * exactly would, wrapped, give back the full simulation's showers (read out above the threshold as they
 * are) for photons and for empty readouts alike.
 */
class ShowerFrameTest {
    @Test
    void wrappingTheFrameTargetsGivesBackTheShowers() {
        CaloDomain calo = new CaloDomain();
        SampleSet data = calo.data().simulate(6, 3, Map.of()).concat(calo.probes().emptyInputs(2, 4));
        SampleSet frame = ShowerFrame.toFrame(data);
        assertThat(frame.conditionShape()).containsExactly(ShowerFrame.CONDITION);
        assertThat(frame.covariateRanges().get("energy").min()).as("empty readouts leave the energy range").isPositive();
        Generator replay = new Generator() {
            @Override
            public INDArray generate(INDArray condition, long seed) {
                return frame.targets(0, frame.size());
            }

            @Override
            public ModelCard card() {
                throw new UnsupportedOperationException();
            }
        };
        float[][] out = ShowerFrame.wrap(replay, calo.calorimeter()).generate(data.conditions(0, data.size()), 1)
                .toFloatMatrix();
        for (int i = 0; i < data.size(); i++) {
            Sample s = data.get(i);
            float[] truth = s.target().orElseThrow();
            for (int j = 0; j < truth.length; j++) {
                assertThat(out[i][j]).as(s.id() + " cell " + j).isCloseTo(truth[j], within(1e-3f * Math.max(1f, truth[j])));
            }
        }
        assertThat(FloatArrays.copyOf(data.conditions(0, 1))[0]).isPositive();
    }
}
