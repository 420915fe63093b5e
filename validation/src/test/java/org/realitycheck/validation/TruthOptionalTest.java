package org.realitycheck.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.validation.testing.Toy;

/**
 * "Truth is optional": the user's data without truth loads and validates; the checks that
 * need truth are SKIPPED with the reason, the others run (empty fields on the data's own empty samples,
 * forward-model consistency, the covariate sweep with the data placed against the training range), and
 * what the loader assumed turns the {@link DataInput} row into a WARN.
 */
class TruthOptionalTest {
    /** 60 toy sources and 40 empty fields of the toy domain, all without truth. */
    private static SampleSet userData(List<String> assumptions) {
        SampleSet src = Toy.DOMAIN.data().simulate(60, 5, Map.of("z-max", "0.4"));
        SampleSet empty = Toy.DOMAIN.probes().emptyInputs(40, 6);
        List<Sample> out = new ArrayList<>();
        for (Sample s : src.concat(empty)) {
            out.add(new Sample("mine-" + s.id(), s.kind(), s.condition(), null, s.covariates()));
        }
        return new SampleSet(out, src.conditionShape(), src.targetShape())
                .withNotes(List.of("catalog text columns kept as sample metadata: source"), assumptions);
    }

    private static SuiteResult run(SampleSet data) {
        return RealityCheck.of(Toy.oracle(0.5)).domain(Toy.DOMAIN).checks(Suite.checks()).seed(3).data(data, "my folder").run();
    }

    @Test
    void checksThatNeedTruthAreSkippedWithTheReasonAndTheOthersRun() {
        SuiteResult r = run(userData(List.of()));
        assertThat(r.check("residuals.conventional").orElseThrow().status()).isEqualTo(Status.SKIPPED);
        assertThat(r.check("residuals.conventional").orElseThrow().reason()).contains("no truth");
        assertThat(r.check("distribution.fidelity").orElseThrow().status()).isEqualTo(Status.SKIPPED);
        assertThat(r.check("distribution.fidelity").orElseThrow().reason()).contains("no truth");
        for (String id : List.of("hallucination.empty-fields", "consistency.forward-model", "ood.covariate", "rare-objects")) {
            assertThat(r.check(id).orElseThrow().status()).as(id).isNotIn(Status.SKIPPED, Status.ERROR);
        }
        CheckResult empty = r.check("hallucination.empty-fields").orElseThrow();
        assertThat(empty.notes()).contains("on the data's own 40 samples of kind 'empty'");
        CheckResult ood = r.check("ood.covariate").orElseThrow();
        // the toy sources span z in [0, 0.4], the card's training range is [0, 0.25]: about 3/8 lie beyond it
        assertThat(ood.metric("data_outside_training_range").orElseThrow().value()).isBetween(0.2, 0.55);
        CheckResult data = r.checks().get(0);
        assertThat(data.id()).isEqualTo(DataInput.ID);
        assertThat(data.status()).isEqualTo(Status.PASS);
        assertThat(data.notes()).contains("100 samples, 0 with truth", "catalog text columns kept as sample metadata: source")
                .anyMatch(n -> n.startsWith("conventional method: "));
    }

    @Test
    void anAssumedInstrumentIsAWarnNamingTheAssumption() {
        SuiteResult r = run(userData(List.of("PSF assumed, not read: Gaussian FWHM 3.54 px")));
        CheckResult data = r.check(DataInput.ID).orElseThrow();
        assertThat(data.status()).isEqualTo(Status.WARN);
        assertThat(data.reason()).isEqualTo("assumed, not read from the data: PSF assumed, not read: Gaussian FWHM 3.54 px");
        assertThat(r.verdict()).isNotEqualTo(Verdict.PASSED);
    }

    @Test
    void simulatedRunsAndSetsWithoutNotesCarryNoDataRow() {
        SuiteResult r = RealityCheck.of(Toy.oracle(0.5)).domain(Toy.DOMAIN).checks(Suite.checks()).seed(3).run();
        assertThat(r.check(DataInput.ID)).isEmpty();
        SampleSet plain = Toy.DOMAIN.data().simulate(50, 9, Map.of());
        SuiteResult given = RealityCheck.of(Toy.oracle(0.5)).domain(Toy.DOMAIN).checks(Suite.checks()).seed(3)
                .data(plain, "in memory").run();
        assertThat(given.check(DataInput.ID)).isEmpty();
    }
}
