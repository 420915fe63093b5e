package org.realitycheck.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;

/**
 * What every {@link ConventionalMethod} promises: a name for reports, estimates of the target's shape,
 * {@link ConventionalMethod#estimateAll} (parallel) equal to estimating one sample at a time, and no
 * use of the truth. A subclass gives the method and a few inputs with targets;
 * {@link DomainContractTest} runs it on every domain's conventional method.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConventionalMethodContractTest {
    /** @return the method under test */
    protected abstract ConventionalMethod method();

    /** @return a few inputs (4 to 16 is plenty), all with targets */
    protected abstract SampleSet inputs();

    @Test
    void hasAShortNameForReports() {
        assertThat(method().name()).isNotBlank().doesNotContainAnyWhitespaces();
    }

    @Test
    void estimatesHaveTheTargetShape() {
        SampleSet set = inputs();
        for (Estimate e : method().estimateAll(set)) {
            assertThat(e.value()).hasSize(set.targetLength());
        }
    }

    @Test
    void parallelEstimateAllEqualsSequential() {
        SampleSet set = inputs();
        List<Estimate> all = method().estimateAll(set);
        List<Estimate> again = method().estimateAll(set);
        assertThat(all).hasSize(set.size());
        for (int i = 0; i < set.size(); i++) {
            Estimate one = method().estimate(set.get(i));
            String id = set.get(i).id();
            assertSame(id + " (estimateAll vs estimate)", all.get(i), one);
            assertSame(id + " (estimateAll twice)", all.get(i), again.get(i));
        }
    }

    @Test
    void usesTheConditionNotTheTruth() {
        for (Sample s : inputs()) {
            Sample blind = new Sample(s.id(), s.kind(), s.condition(), null, s.covariates());
            assertSame(s.id() + " (without its target)", method().estimate(blind), method().estimate(s));
        }
    }

    private static void assertSame(String what, Estimate a, Estimate b) {
        assertThat(a.value()).as(what + ": value").containsExactly(b.value());
        assertThat(a.sigma()).as(what + ": sigma").containsExactly(b.sigma());
        assertThat(a.valid()).as(what + ": valid").isEqualTo(b.valid());
        assertThat(a.ndf()).as(what + ": ndf").isEqualTo(b.ndf());
        assertThat(Double.compare(a.chi2(), b.chi2())).as(what + ": chi2 " + a.chi2() + " vs " + b.chi2()).isZero();
    }
}
