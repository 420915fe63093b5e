package org.realitycheck.validation;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.Generator;
import org.realitycheck.core.SampleSet;

/**
 * The inputs of one suite run and the outputs computed on them, shared by all checks so that the
 * model and the conventional method run once per set: the held-out set, empty inputs, injections
 * and covariate sweeps (each drawn from the run's seed for its purpose, see {@link Seeds}), the
 * model's outputs and the conventional method's estimates. Not thread-safe: checks run one after
 * another, and the model runs on the calling thread (ND4J's workspaces are per thread).
 */
public final class Evaluations {
    private final Generator generator;
    private final Domain domain;
    private final SampleSet heldOut;
    private final boolean simulated;
    private final long seed;
    private final ProgressSink progress;
    private final Map<String, SampleSet> sets = new HashMap<>();
    private final Map<SampleSet, List<float[]>> model = new IdentityHashMap<>();
    private final Map<SampleSet, List<Estimate>> conventional = new IdentityHashMap<>();
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    /**
     * @param heldOut the held-out set (the user's data, or one simulated from the run's seed)
     * @param simulated true when the domain simulated {@code heldOut}
     */
    public Evaluations(Generator generator, Domain domain, SampleSet heldOut, boolean simulated, long seed,
            ProgressSink progress) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.heldOut = Objects.requireNonNull(heldOut, "heldOut");
        this.simulated = simulated;
        this.seed = seed;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** @return the model under test */
    public Generator generator() {
        return generator;
    }

    /** @return the domain */
    public Domain domain() {
        return domain;
    }

    /** @return the held-out set the checks judge the model on */
    public SampleSet heldOut() {
        return heldOut;
    }

    /** @return true when the held-out set was simulated (no {@code --data}) */
    public boolean simulated() {
        return simulated;
    }

    /** @return {@code n} empty inputs ({@link org.realitycheck.core.Probes#emptyInputs}), drawn once per run and size */
    public SampleSet emptyInputs(int n) {
        return timed("simulation", () -> sets.computeIfAbsent("empty:" + n,
                k -> domain.probes().emptyInputs(n, Seeds.derive(seed, k))));
    }

    /** @return {@code n} rare-object injections ({@link org.realitycheck.core.Probes#injections}), drawn once per run and size */
    public SampleSet injections(int n) {
        return timed("simulation", () -> sets.computeIfAbsent("injections:" + n,
                k -> domain.probes().injections(n, Seeds.derive(seed, k))));
    }

    /** @return a sweep of one covariate over {@code [min, max]}, or empty when the domain cannot sweep it */
    public Optional<SampleSet> sweep(String covariate, double min, double max, int n) {
        String key = "sweep:" + covariate + ":" + min + ":" + max + ":" + n;
        SampleSet s = sets.get(key);
        if (s == null) {
            Optional<SampleSet> made = timed("simulation",
                    () -> domain.probes().sweep(covariate, min, max, n, Seeds.derive(seed, key)));
            if (made.isEmpty()) {
                return Optional.empty();
            }
            s = made.get();
            sets.put(key, s);
        }
        return Optional.of(s);
    }

    /**
     * @return the model's output for every sample of {@code set}, flattened, in order; computed once per
     *     set with a seed derived from the set's first id and size
     */
    public List<float[]> model(SampleSet set) {
        List<float[]> out = model.get(set);
        if (out == null) {
            progress.update("model on " + set.size() + " samples", 0, set.size());
            long s = Seeds.derive(seed, "model:" + (set.isEmpty() ? "" : set.get(0).id()) + ":" + set.size());
            out = timed("model", () -> List.copyOf(generator.generateAll(set, s)));
            progress.update("model on " + set.size() + " samples", set.size(), set.size());
            model.put(set, out);
        }
        return out;
    }

    /** @return the conventional method's estimate for every sample of {@code set}, in order, computed once per set */
    public List<Estimate> conventional(SampleSet set) {
        List<Estimate> out = conventional.get(set);
        if (out == null) {
            progress.update("conventional method on " + set.size() + " samples", 0, set.size());
            out = timed("conventional", () -> List.copyOf(domain.reference().conventionalMethod().estimateAll(set)));
            progress.update("conventional method on " + set.size() + " samples", set.size(), set.size());
            conventional.put(set, out);
        }
        return out;
    }

    /** Runs {@code work}, adding its wall time to {@code category} ({@link #seconds()}). */
    public <T> T timed(String category, java.util.function.Supplier<T> work) {
        long t0 = System.nanoTime();
        try {
            return work.get();
        } finally {
            seconds.merge(category, (System.nanoTime() - t0) / 1e9, Double::sum);
        }
    }

    /**
     * @return wall seconds spent per category ({@code simulation}, {@code model}, {@code conventional},
     *     and what checks time themselves, e.g. {@code statistics}); for logs and benchmarks, never for results
     */
    public Map<String, Double> seconds() {
        return Map.copyOf(seconds);
    }
}
