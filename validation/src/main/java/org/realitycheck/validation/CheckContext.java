package org.realitycheck.validation;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Generator;
import org.realitycheck.core.Range;
import org.realitycheck.core.SampleSet;

/**
 * Everything a {@link Check} sees during a run: the model (only as a {@link Generator}), the domain
 * (only through its SPI), the shared {@link Evaluations} (inputs and cached outputs), the check's
 * parameters, the covariate ranges, the baseline run's result for this check, a seed of its own and
 * a progress sink.
 */
public final class CheckContext {
    private final Generator generator;
    private final Domain domain;
    private final Evaluations evaluations;
    private final Params params;
    private final Map<String, Range> trainingRanges;
    private final Map<String, Range> applicationRanges;
    private final CheckResult baseline;
    private final long seed;
    private final ProgressSink progress;

    /**
     * @param trainingRanges covariate ranges from the model card
     * @param applicationRanges the policy's application ranges over the training ranges
     * @param baseline this check's result in the baseline run, or null
     * @param seed this check's own seed
     */
    public CheckContext(Generator generator, Domain domain, Evaluations evaluations, Params params,
            Map<String, Range> trainingRanges, Map<String, Range> applicationRanges, CheckResult baseline, long seed,
            ProgressSink progress) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.evaluations = Objects.requireNonNull(evaluations, "evaluations");
        this.params = Objects.requireNonNull(params, "params");
        this.trainingRanges = Map.copyOf(trainingRanges);
        this.applicationRanges = Map.copyOf(applicationRanges);
        this.baseline = baseline;
        this.seed = seed;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    public Generator generator() {
        return generator;
    }

    public Domain domain() {
        return domain;
    }

    /** @return the shared inputs and cached model / conventional outputs */
    public Evaluations evaluations() {
        return evaluations;
    }

    /** @return the held-out set ({@link Evaluations#heldOut()}) */
    public SampleSet data() {
        return evaluations.heldOut();
    }

    public Params params() {
        return params;
    }

    /** @return the covariate ranges the model saw in training (from its card) */
    public Map<String, Range> trainingRanges() {
        return trainingRanges;
    }

    /** @return where the scientist means to use the model, per covariate (policy, else the training range) */
    public Map<String, Range> applicationRanges() {
        return applicationRanges;
    }

    /** @return the application range of one covariate, if known */
    public Optional<Range> applicationRange(String covariate) {
        return Optional.ofNullable(applicationRanges.get(covariate));
    }

    /** @return the training range of one covariate, if the card has it */
    public Optional<Range> trainingRange(String covariate) {
        return Optional.ofNullable(trainingRanges.get(covariate));
    }

    /** @return this check's result in the baseline run, if one was given */
    public Optional<CheckResult> baseline() {
        return Optional.ofNullable(baseline);
    }

    /** @return the check's own seed, derived from the run's seed and the check id */
    public long seed() {
        return seed;
    }

    public ProgressSink progress() {
        return progress;
    }
}
