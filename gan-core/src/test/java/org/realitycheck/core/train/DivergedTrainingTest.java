package org.realitycheck.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.VariableType;
import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.model.GanModel;
import org.realitycheck.core.model.ModelArtifact;
import org.realitycheck.core.testing.TestData;

/**
 * Training stops at the first non-finite loss instead of writing a model of NaN weights, and the
 * loader refuses a model whose weights are not finite.
 */
class DivergedTrainingTest {
    @Test
    void dataNearTheFloatLimitStopsTrainingAtTheFirstNonFiniteLossNamingTheSamples() {
        SampleSet sane = TestData.sine(32, 0.1, 2);
        List<Sample> samples = new ArrayList<>(sane.samples());
        // two samples whose values are 3e38, as a FITS of pixels near the float limit would give
        for (int i : new int[] {3, 17}) {
            Sample s = samples.get(i);
            float[] c = s.condition();
            java.util.Arrays.fill(c, 3e38f);
            samples.set(i, new Sample("huge-" + i, s.kind(), c, s.target().orElseThrow(), s.covariates()));
        }
        SampleSet data = new SampleSet(samples, sane.conditionShape(), sane.targetShape());
        List<Long> steps = new ArrayList<>();
        GanTrainer t = new GanTrainer(TestData.smallMlp(2, 8), TrainingConfig.defaults().withEpochs(3).withBatchSize(8))
                .addListener(new TrainingListener() {
                    @Override
                    public void onStep(long step, int epoch, Map<String, Double> losses) {
                        assertThat(losses.values()).allMatch(Double::isFinite); // no step with a NaN loss is reported
                        steps.add(step);
                    }
                });
        assertThatThrownBy(() -> t.train("test", data, Normalization.identity()))
                .isInstanceOf(DivergedTrainingException.class).isInstanceOf(BadInputException.class)
                .hasMessageContaining("first non-finite loss")
                .hasMessageContaining("3.000e+38").hasMessageContaining("huge-");
        // the same data without the two samples trains to the end
        SampleSet clean = data.filter(s -> !s.id().startsWith("huge-"));
        GanModel m = new GanTrainer(TestData.smallMlp(2, 8), TrainingConfig.defaults().withEpochs(1).withBatchSize(8))
                .train("test", clean, Normalization.identity());
        assertThat(m.card().finalLosses().values()).allMatch(Double::isFinite);
    }

    @Test
    void theLoaderRefusesAModelWithANonFiniteWeightNamingTheVariable(@TempDir Path tmp) {
        SampleSet data = TestData.sine(16, 0.1, 2);
        GanModel m = new GanTrainer(TestData.smallMlp(2, 8), TrainingConfig.defaults().withEpochs(1).withBatchSize(8))
                .train("test", data, Normalization.identity());
        Path good = tmp.resolve("good.zip");
        ModelArtifact.write(m, good);
        assertThat(ModelArtifact.load(good)).isNotNull();
        SDVariable w = m.generatorGraph().variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .reduce((a, b) -> b).orElseThrow();
        w.getArr().putScalar(0, Float.POSITIVE_INFINITY);
        Path bad = tmp.resolve("bad.zip");
        ModelArtifact.write(m, bad);
        assertThatThrownBy(() -> ModelArtifact.load(bad)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("bad.zip").hasMessageContaining("generator.sd").hasMessageContaining(w.name())
                .hasMessageContaining("NaN or infinite");
        assertThatThrownBy(() -> ModelArtifact.read(bad)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(w.name());
    }
}
