package org.realitycheck.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.Domain;
import org.realitycheck.core.DomainData;
import org.realitycheck.core.Domains;
import org.realitycheck.core.ForwardModel;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Probes;
import org.realitycheck.core.Range;
import org.realitycheck.core.Reference;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.TrainingRecipe;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.nn.Networks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * What every {@link Domain} promises, role by role, checked the same way for each (Hipparchus'
 * {@code RealDistributionAbstractTest} style). A domain's test extends this class and gives the domain;
 * it then gets, besides the tests here, the {@link ConventionalMethodContractTest} on its primary
 * conventional method and the {@link ObservableContractTest} on its observables (the nested classes
 * below).
 *
 * <ul>
 *   <li>{@link DomainData}: lower-case registered name, same seed ⇒ same SHA-256, one shape for every set,
 *       unknown options rejected listing {@link DomainData#simulationOptions()}, option names in kebab-case
 *       (deprecated ones mapped to known names), {@code write} → {@code load}
 *       and {@code simulateInto} → {@code load} round trips;
 *   <li>{@link Reference}: the truth's forward χ²/ndf ≈ 1, and the nested method and observable kits;
 *   <li>{@link Probes}: every sweepable covariate is swept over the asked range, every injection is
 *       recovered by its truth, a blank output on an empty input detects nothing, the tolerances are named;
 *   <li>{@link TrainingRecipe}: the training set has targets, the default architecture accepts its shapes,
 *       the default policy is YAML for this domain.
 * </ul>
 *
 * <p>Written against the {@code Domain} SPI only (no domain classes), so a third party's domain runs the
 * same kit. The checks that need the validation engine (the default policy parses against the
 * registered checks) live in validation's {@code DefaultPoliciesTest}, which iterates every registered
 * domain; here the policy is checked to be YAML for this domain.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DomainContractTest {
    private SampleSet simulated;

    /** @return the domain under test (a fresh or shared instance; the kit does not mutate it) */
    protected abstract Domain domain();

    /**
     * @return option names the unknown-option error must list; default
     *     {@link DomainData#simulationOptions()}. A domain test may state them itself, so that dropping one
     *     from the domain fails.
     */
    protected Set<String> knownOptions() {
        return domain().data().simulationOptions();
    }

    /** @return options for the simulated sets the kit uses; default none */
    protected Map<String, String> options() {
        return Map.of();
    }

    /**
     * @return samples per simulated set, default 8; a domain whose samples hold few measurements
     *     (a track: ~20 hit coordinates) raises it so that the χ² test has statistical power
     */
    protected int sampleCount() {
        return 8;
    }

    /**
     * The number of parameters {@link ForwardModel.Consistency#ndf()} subtracts from the measurements
     * for a fitted output (5 for a helix; 0 when ndf is the number of measurements, as for an image).
     * The truth is not fitted to the data, so its χ² follows χ²(ndf + k), and the kit expects
     * Σχ² / Σndf = Σ(ndf + k) / Σndf.
     */
    protected int fittedParameters() {
        return 0;
    }

    /**
     * Allowance on the truth's pooled χ²/ndf on top of the 5σ statistical margin, for known
     * approximations of the forward model (for example float rounding of the truth). Default 0.02.
     */
    protected double chi2Allowance() {
        return 0.02;
    }

    /** The domain's default simulated set (seed 1), made once per test class. */
    protected final SampleSet simulated() {
        if (simulated == null) {
            simulated = domain().data().simulate(sampleCount(), 1, options());
        }
        return simulated;
    }

    private Optional<SampleSet> primarySweep(long seed) {
        Probes p = domain().probes();
        Range r = simulated().covariateRanges().get(p.primaryCovariate());
        assertThat(r).as("covariate '" + p.primaryCovariate() + "' of the simulated set").isNotNull();
        return p.sweep(p.primaryCovariate(), r.min(), r.max(), sampleCount(), seed);
    }

    // ---- the domain and its data ----

    @Test
    void isRegisteredUnderALowerCaseName() {
        String name = domain().name();
        assertThat(name).matches("[a-z][a-z0-9-]*");
        assertThat(Domains.names()).as("domains registered through ServiceLoader").contains(name);
        assertThat(Domains.byName(name)).isInstanceOf(domain().getClass());
        assertThat(domain().describe()).isNotBlank();
    }

    @Test
    void theSameSeedGivesTheSameSha256() {
        Domain d = domain();
        assertThat(d.data().simulate(sampleCount(), 1, options()).sha256()).as("simulate").isEqualTo(simulated().sha256());
        assertThat(d.data().simulate(sampleCount(), 2, options()).sha256()).as("simulate, another seed")
                .isNotEqualTo(simulated().sha256());
        assertThat(d.probes().emptyInputs(sampleCount(), 3).sha256()).as("emptyInputs")
                .isEqualTo(d.probes().emptyInputs(sampleCount(), 3).sha256());
        assertThat(d.probes().injections(sampleCount(), 4).sha256()).as("injections")
                .isEqualTo(d.probes().injections(sampleCount(), 4).sha256());
        assertThat(primarySweep(5).orElseThrow().sha256()).as("sweep")
                .isEqualTo(primarySweep(5).orElseThrow().sha256());
    }

    @Test
    void everySetHasTheDomainsOneConditionShapeAndOneTargetShape(@TempDir Path dir) throws IOException {
        SampleSet ref = simulated();
        Map<String, SampleSet> sets = new LinkedHashMap<>();
        sets.put("emptyInputs", domain().probes().emptyInputs(sampleCount(), 3));
        sets.put("injections", domain().probes().injections(sampleCount(), 4));
        sets.put("sweep", primarySweep(5).orElseThrow());
        sets.put("load of a written set", writeAndLoad(dir.resolve("set")));
        for (Map.Entry<String, SampleSet> e : sets.entrySet()) {
            assertThat(e.getValue().conditionShape()).as(e.getKey() + " condition shape").containsExactly(ref.conditionShape());
            assertThat(e.getValue().targetShape()).as(e.getKey() + " target shape").containsExactly(ref.targetShape());
            assertThat(e.getValue().size()).as(e.getKey() + " size").isPositive();
        }
    }

    @Test
    void unknownOptionsAreRejectedListingTheKnownOnes() {
        Set<String> known = knownOptions();
        assertThat(known).as("knownOptions()").isNotEmpty();
        assertThat(domain().data().simulationOptions()).as("simulationOptions()").containsAll(known);
        String kebab = "[a-z][a-z0-9]*(-[a-z0-9]+)*";
        assertThat(domain().data().simulationOptions()).as("simulation option names are kebab-case")
                .allSatisfy(k -> assertThat(k).matches(kebab));
        assertThat(domain().data().dataOptions()).as("data option names are kebab-case")
                .allSatisfy(k -> assertThat(k).matches(kebab));
        for (Map.Entry<String, String> e : domain().data().deprecatedOptionNames().entrySet()) {
            assertThat(e.getValue()).as("the canonical name of deprecated option " + e.getKey())
                    .isIn(union(domain().data().simulationOptions(), domain().data().dataOptions()));
        }
        assertThatThrownBy(() -> domain().data().simulate(2, 1, Map.of("no-such-option", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-option")
                .satisfies(e -> assertThat(e.getMessage()).contains(known));
    }

    @Test
    void writeThenLoadGivesTheSameSamples(@TempDir Path dir) throws IOException {
        assertSameSamples(simulated(), writeAndLoad(dir.resolve("set")));
    }

    @Test
    void simulateIntoThenLoadGivesTheSimulatedSamples(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("set");
        domain().data().simulateInto(folder, sampleCount(), 1, options());
        assertSameSamples(simulated(), domain().data().load(folder));
    }

    // ---- the reference ----

    @Test
    void theTruthExplainsTheMeasurement() {
        ForwardModel fm = domain().reference().forwardModel();
        double chi2 = 0;
        long ndf = 0;
        long measurements = 0;
        for (Sample s : simulated()) {
            float[] truth = s.target().orElseThrow();
            assertThat(fm.forward(truth, s)).as(s.id() + " forward").hasSize(simulated().conditionLength());
            ForwardModel.Consistency c = fm.consistency(truth, s);
            chi2 += c.chi2();
            ndf += c.ndf();
            measurements += c.ndf() + fittedParameters();
        }
        // Σχ² ~ χ²(measurements): its ratio to ndf has mean measurements/ndf and sd sqrt(2·measurements)/ndf
        double expected = measurements / (double) ndf;
        double margin = 5 * Math.sqrt(2.0 * measurements) / ndf + chi2Allowance();
        assertThat(chi2 / ndf).as("pooled χ²/ndf of the truth over " + simulated().size() + " samples")
                .isCloseTo(expected, within(margin));
    }

    @Test
    void theConventionalMethodsHaveDistinctNamesThePrimaryFirst() {
        Reference ref = domain().reference();
        List<String> names = ref.conventionalMethods().stream().map(ConventionalMethod::name).toList();
        assertThat(names).isNotEmpty().doesNotHaveDuplicates();
        assertThat(ref.conventionalMethod().name()).isEqualTo(names.get(0));
    }

    // ---- the probes ----

    @Test
    void everySweepableCovariateIsSweptOverTheAskedRange() {
        Probes p = domain().probes();
        assertThat(p.sweepableCovariates()).as("sweepableCovariates()").isNotEmpty().doesNotHaveDuplicates();
        for (String cov : p.sweepableCovariates()) {
            Range r = simulated().covariateRanges().get(cov);
            assertThat(r).as("covariate '" + cov + "' of the simulated set").isNotNull();
            double hi = r.max() + (r.max() - r.min());
            SampleSet sweep = p.sweep(cov, r.max(), hi, sampleCount(), 6).orElseThrow(
                    () -> new AssertionError("sweep of the sweepable covariate '" + cov + "' is empty"));
            assertThat(sweep.size()).as(cov + " sweep size").isPositive();
            for (Sample s : sweep) {
                double v = s.covariate(cov).orElseThrow(() -> new AssertionError(s.id() + " has no covariate " + cov));
                // covariates may be stored as floats: allow their rounding
                assertThat(v).as(cov + " of " + s.id()).isBetween(r.max() - 1e-6 * Math.max(1, Math.abs(r.max())),
                        hi + 1e-6 * Math.max(1, Math.abs(hi)));
            }
        }
        assertThat(p.sweep("no-such-covariate", 0, 1, 2, 1)).isEmpty();
    }

    @Test
    void everyInjectionIsRecoveredByItsTruth() {
        SampleSet inj = domain().probes().injections(sampleCount(), 4);
        assertThat(inj.size()).isPositive();
        for (Sample s : inj) {
            assertThat(domain().probes().recovered(s.target().orElseThrow(), s)).as(s.id()).isTrue();
        }
    }

    @Test
    void theRecoveryTolerancesAreNamed() {
        List<Probes.Tolerance> t = domain().probes().recoveryTolerances();
        assertThat(t).isNotEmpty();
        assertThat(t.stream().map(Probes.Tolerance::name).toList()).doesNotHaveDuplicates()
                .allSatisfy(n -> assertThat(n).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"));
        assertThat(t).allSatisfy(x -> assertThat(x.meaning()).as(x.name() + " meaning").isNotBlank());
    }

    @Test
    void aBlankOutputOnAnEmptyInputDetectsNothing() {
        SampleSet empty = domain().probes().emptyInputs(sampleCount(), 3);
        assertThat(empty.size()).isPositive();
        for (Sample s : empty) {
            Probes.Detections d = domain().probes().detect(new float[empty.targetLength()], s);
            assertThat(d.count()).as(s.id() + " detections").isZero();
            assertThat(d.spuriousSignal()).as(s.id() + " spurious signal").isZero();
        }
    }

    // ---- the recipe ----

    /**
     * The training set has targets for every sample; its shapes are the architecture's (a model working in
     * a frame of its own may take another condition shape than the data's: {@link #theDefaultArchitectureAcceptsTheTrainingSet}).
     */
    @Test
    void theTrainingSetHasTargetsAndRejectsUnknownOptions() {
        SampleSet t = domain().recipe().trainingSet(simulated());
        assertThat(t.size()).as("training samples").isPositive();
        assertThat(t.allHaveTargets()).as("every training sample has a target").isTrue();
        assertThat(t.targetShape()).as("a model's output is a target").containsExactly(simulated().targetShape());
        assertThatThrownBy(() -> domain().recipe().trainingSet(simulated(), Map.of("no-such-option", "1")))
                .as("an unknown training option").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-option");
    }

    @Test
    void theDefaultPolicyIsYamlForThisDomain() throws IOException {
        JsonNode policy;
        try (InputStream in = domain().recipe().policy()) {
            policy = new YAMLMapper().readTree(in);
        }
        assertThat(policy.isObject()).as("a YAML mapping").isTrue();
        assertThat(policy.path("domain").asText()).isEqualTo(domain().name());
        assertThat(policy.path("checks").isObject()).as("a 'checks' mapping").isTrue();
        assertThat(policy.path("checks").size()).as("checks").isPositive();
    }

    /** The shapes the trainer gives the networks: the training set's ({@link TrainingRecipe#trainingSet}). */
    @Test
    void theDefaultArchitectureAcceptsTheTrainingSet() {
        GanArchitecture a = domain().recipe().architecture();
        SampleSet s = domain().recipe().trainingSet(simulated());
        assertThat(Networks.conditionShape(a.generator())).as("generator input").containsExactly(s.conditionShape());
        assertThat(Networks.outputShape(a.generator())).as("generator output").containsExactly(s.targetShape());
        assertThat(Networks.conditionShape(a.discriminator())).as("discriminator condition").containsExactly(s.conditionShape());
        assertThat(Networks.outputShape(a.discriminator())).as("discriminator candidate").containsExactly(s.targetShape());
        assertThat(domain().recipe().trainingConfig()).isNotNull();
    }

    /** The kit's {@link ConventionalMethodContractTest} on this domain's primary conventional method. */
    @Nested
    class ItsConventionalMethod extends ConventionalMethodContractTest {
        @Override
        protected ConventionalMethod method() {
            return domain().reference().conventionalMethod();
        }

        @Override
        protected SampleSet inputs() {
            return simulated().slice(0, Math.min(8, simulated().size()));
        }
    }

    /** The kit's {@link ObservableContractTest} on this domain's observables. */
    @Nested
    class ItsObservables extends ObservableContractTest {
        @Override
        protected List<Observable> observables() {
            return domain().reference().observables();
        }

        @Override
        protected SampleSet samples() {
            return simulated().slice(0, Math.min(8, simulated().size()));
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new java.util.TreeSet<>(a);
        u.addAll(b);
        return u;
    }

    private SampleSet writeAndLoad(Path folder) throws IOException {
        domain().data().write(simulated(), folder);
        return domain().data().load(folder);
    }

    private static void assertSameSamples(SampleSet a, SampleSet b) {
        assertThat(b.size()).isEqualTo(a.size());
        for (int i = 0; i < a.size(); i++) {
            Sample x = a.get(i);
            Sample y = b.get(i);
            assertThat(y.id()).isEqualTo(x.id());
            assertThat(y.kind()).as(x.id() + " kind").isEqualTo(x.kind());
            assertClose(x.id() + " condition", y.condition(), x.condition());
            assertThat(y.hasTarget()).as(x.id() + " has a target").isEqualTo(x.hasTarget());
            if (x.hasTarget()) {
                assertClose(x.id() + " target", y.target().orElseThrow(), x.target().orElseThrow());
            }
            assertThat(y.covariates().keySet()).as(x.id() + " covariates").containsAll(x.covariates().keySet());
            for (Map.Entry<String, Double> c : x.covariates().entrySet()) {
                assertThat(y.covariates().get(c.getKey())).as(x.id() + " covariate " + c.getKey())
                        .isCloseTo(c.getValue(), within(1e-6 * Math.max(1, Math.abs(c.getValue()))));
            }
        }
    }

    private static void assertClose(String what, float[] actual, float[] expected) {
        assertThat(actual).as(what + " length").hasSize(expected.length);
        for (int k = 0; k < expected.length; k++) {
            float tol = 1e-6f * Math.max(1f, Math.abs(expected[k]));
            if (Math.abs(actual[k] - expected[k]) > tol) {
                throw new AssertionError(what + "[" + k + "]: expected " + expected[k] + " but was " + actual[k]);
            }
        }
    }
}
