package org.realitycheck.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;

/**
 * What every {@link Observable} promises: a unique stable name and a unit, a value on the truth that
 * is defined for most samples, computed without changing the output, the same on every call, and a
 * residual that is zero for equal values and NaN for a NaN. A subclass gives the observables and a
 * few samples with targets; {@link DomainContractTest} runs it on every domain's observables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ObservableContractTest {
    /** @return the observables under test */
    protected abstract List<Observable> observables();

    /** @return a few samples (4 to 16 is plenty), all with targets */
    protected abstract SampleSet samples();

    @Test
    void namesAreUniqueStableIdsWithAUnit() {
        List<String> names = observables().stream().map(Observable::name).toList();
        assertThat(names).isNotEmpty().doesNotHaveDuplicates()
                .allSatisfy(n -> assertThat(n).matches("[a-z][a-z0-9_]*"));
        assertThat(observables()).allSatisfy(o -> assertThat(o.unit()).as(o.name() + " unit").isNotNull());
    }

    @Test
    void theTruthHasAValueForMostSamplesComputedWithoutSideEffects() {
        SampleSet set = samples();
        for (Observable o : observables()) {
            int defined = 0;
            for (Sample s : set) {
                float[] truth = s.target().orElseThrow();
                float[] before = truth.clone();
                double v = o.compute(truth, s);
                assertThat(truth).as(o.name() + " changed the output of " + s.id()).containsExactly(before);
                assertThat(Double.compare(o.compute(truth, s), v)).as(o.name() + " twice on " + s.id()).isZero();
                if (Double.isFinite(v)) {
                    defined++;
                }
            }
            assertThat(defined).as(o.name() + ": samples with a finite value on the truth, of " + set.size())
                    .isGreaterThan(set.size() / 2);
        }
    }

    @Test
    void residualIsZeroForEqualValuesAndNaNForNaN() {
        Sample s = samples().get(0);
        float[] truth = s.target().orElseThrow();
        for (Observable o : observables()) {
            double v = o.compute(truth, s);
            if (Double.isFinite(v)) {
                assertThat(o.residual(v, v)).as(o.name()).isZero();
            }
            assertThat(o.residual(Double.NaN, 1.0)).as(o.name() + " residual(NaN, 1)").isNaN();
            assertThat(o.residual(1.0, Double.NaN)).as(o.name() + " residual(1, NaN)").isNaN();
        }
    }
}
