package org.realitycheck.core.nn;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Shapes and basic properties of the built graphs. */
class NetworksTest {
    @Test
    void defaultUNetMapsImagesToImagesInTanhRange() {
        UNetSpec u = UNetSpec.defaults();
        SameDiff g = Networks.generator(u, 100, new SplittableRandom(1));
        Map<String, INDArray> feed = Networks.generatorInputs(u, 2, 3, false);
        feed.put(Networks.CONDITION, Nd4j.rand(DataType.FLOAT, 2, 1, 64, 64));
        INDArray out = g.outputSingle(feed, Networks.OUTPUT);
        assertThat(out.shape()).containsExactly(2, 1, 64, 64);
        assertThat(out.amaxNumber().doubleValue()).isLessThanOrEqualTo(1.0);
        assertThat(Networks.dropoutShapes(u)).hasSize(2);
        assertThat(Networks.dropoutShapes(u).get(0)).containsExactly(64, 8, 8); // innermost decoder block: 64 filters at 8×8, before the skip
    }

    @Test
    void patchGanGivesOneLogitPerPatch() {
        PatchGanSpec p = PatchGanSpec.defaults();
        SameDiff d = Networks.discriminator(p, "bce", new SplittableRandom(1));
        INDArray logits = d.outputSingle(Map.of(Networks.CONDITION, Nd4j.rand(DataType.FLOAT, 3, 1, 64, 64),
                Networks.CANDIDATE, Nd4j.rand(DataType.FLOAT, 3, 1, 64, 64)), Networks.LOGITS);
        assertThat(logits.shape()).containsExactly(3, 1, 8, 8);
        assertThat(Networks.logitShape(p)).containsExactly(1, 8, 8);
    }

    @Test
    void bceLossIsStableForLargeLogitsAndMatchesTheClosedForm() {
        MlpDiscriminatorSpec m = new MlpDiscriminatorSpec(1, 1, new int[] {4});
        SameDiff d = Networks.discriminator(m, "bce", new SplittableRandom(2));
        INDArray c = Nd4j.createFromArray(new float[][] {{0.5f}});
        INDArray y = Nd4j.createFromArray(new float[][] {{0.25f}});
        double s = d.outputSingle(Map.of(Networks.CONDITION, c, Networks.CANDIDATE, y), Networks.LOGITS).getDouble(0);
        double loss = d.outputSingle(Map.of(Networks.CONDITION, c, Networks.CANDIDATE, y, Networks.LABELS,
                Nd4j.createFromArray(new float[][] {{1f}})), Networks.D_LOSS).getDouble(0);
        assertThat(loss).isCloseTo(Math.log1p(Math.exp(-s)), within(1e-6)); // −log σ(s)
    }

    @Test
    void trainingMasksDropAboutTheRateAndAreSeeded() {
        UNetSpec u = UNetSpec.defaults();
        INDArray a = Networks.generatorInputs(u, 4, 9, true).get("dropout_0");
        INDArray b = Networks.generatorInputs(u, 4, 9, true).get("dropout_0");
        assertThat(a).isEqualTo(b);
        double zeros = a.eq(0.0).castTo(DataType.FLOAT).meanNumber().doubleValue();
        assertThat(zeros).isCloseTo(0.5, within(0.02));
        assertThat(a.maxNumber().doubleValue()).isCloseTo(2.0, within(1e-6));
    }

    @Test
    void rejectsSpecsOfTheWrongRole() {
        assertThatThrownBy(() -> Networks.generator(PatchGanSpec.defaults(), 1, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Networks.discriminator(UNetSpec.defaults(), "bce", new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linearSkipStartsAtZeroAndOldJsonReadsWithoutIt() throws Exception {
        MlpGeneratorSpec plain = new MlpGeneratorSpec(3, 0, 2, new int[] {4});
        MlpGeneratorSpec skip = plain.withLinearSkip(true);
        SameDiff a = Networks.generator(plain, 1, new SplittableRandom(5));
        SameDiff b = Networks.generator(skip, 1, new SplittableRandom(5));
        assertThat(a.hasVariable("g_wlin")).isFalse();
        assertThat(b.getVariable("g_wlin").getArr().shape()).containsExactly(3, 2);
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 3);
        assertThat(b.outputSingle(Map.of(Networks.CONDITION, x), Networks.OUTPUT))
                .isEqualTo(a.outputSingle(Map.of(Networks.CONDITION, x), Networks.OUTPUT));
        b.getVariable("g_wlin").getArr().assign(1.0);
        assertThat(b.outputSingle(Map.of(Networks.CONDITION, x), Networks.OUTPUT))
                .isNotEqualTo(a.outputSingle(Map.of(Networks.CONDITION, x), Networks.OUTPUT));

        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        GanArchitecture.Spec old = json.readValue("{\"type\":\"mlp-generator\",\"conditionDim\":3,\"noiseDim\":0,"
                + "\"outputDim\":2,\"hidden\":[4]}", GanArchitecture.Spec.class);
        assertThat(old).isEqualTo(plain);
        assertThat(json.readValue(json.writeValueAsString(skip), GanArchitecture.Spec.class)).isEqualTo(skip);
        assertThat(skip).isNotEqualTo(plain);
    }
}
