package org.realitycheck.validation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.Generator;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;

/**
 * The inputs of one suite run and the outputs computed on them, shared by all checks so that the model and the
 * conventional method run once per set: the held-out set, empty inputs, injections and covariate sweeps (each
 * drawn from the run's seed for its purpose, see {@link Seeds}), the model's outputs and the conventional
 * method's estimates.
 *
 * <p>Sets are delivered in chunks of {@link SetRequest#CHUNK} samples ({@link #forEachChunk}). A simulated
 * held-out set is simulated chunk by chunk and never held whole unless a check asks for it
 * ({@link #heldOut()}): chunk {@code k} holds samples {@code [k·CHUNK, (k+1)·CHUNK)}, drawn from
 * {@code Seeds.derive(seed, "heldout:" + k)} (chunk 0 from {@code "heldout"}, so a set of up to one chunk is
 * the one {@code simulate(n, Seeds.derive(seed, "heldout"))} gives), its samples' ids renumbered to their
 * global index. The model's noise for chunk {@code k} of any set comes from
 * {@code Seeds.derive(seed, "model:" + <chunk's first id> + ":" + <chunk size> [+ ":" + k for k > 0])}. Every
 * chunk is therefore defined by the seed and its number alone, whichever machine makes it.
 *
 * <p>Not thread-safe: the driver streams on the calling thread (ND4J's workspaces are per thread).
 */
public final class Evaluations {
    private static final Pattern TRAILING_NUMBER = Pattern.compile("^(.*?)(\\d+)$");

    private final Generator generator;
    private final Domain domain;
    private SampleSet heldOut;
    private final int heldOutSize;
    private final boolean simulated;
    private final long seed;
    private final ProgressSink progress;
    private final Map<String, SampleSet> sets = new HashMap<>();
    private final Map<SampleSet, List<float[]>> model = new IdentityHashMap<>();
    private final Map<SampleSet, List<Estimate>> conventional = new IdentityHashMap<>();
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private SampleSet firstChunk;
    private String heldOutSha;

    /**
     * A run on a held-out set already in memory.
     *
     * @param heldOut the held-out set (the user's data, or one simulated from the run's seed)
     * @param simulated true when the domain simulated {@code heldOut}
     */
    public Evaluations(Generator generator, Domain domain, SampleSet heldOut, boolean simulated, long seed,
            ProgressSink progress) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.heldOut = Objects.requireNonNull(heldOut, "heldOut");
        this.heldOutSize = heldOut.size();
        this.simulated = simulated;
        this.seed = seed;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * A run whose held-out set the domain simulates, chunk by chunk, from the run's seed.
     *
     * @param samples the held-out set's size
     */
    public Evaluations(Generator generator, Domain domain, int samples, long seed, ProgressSink progress) {
        if (samples < 1) {
            throw new IllegalArgumentException("the held-out set needs at least 1 sample, got " + samples);
        }
        this.generator = Objects.requireNonNull(generator, "generator");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.heldOut = null;
        this.heldOutSize = samples;
        this.simulated = true;
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

    /** @return the run's seed */
    public long seed() {
        return seed;
    }

    /** @return the number of held-out samples */
    public int heldOutSize() {
        return heldOutSize;
    }

    /**
     * @return the whole held-out set the checks judge the model on; a simulated one is assembled from its
     *     chunks and then kept (checks that stream never call this)
     */
    public SampleSet heldOut() {
        if (heldOut == null) {
            List<Sample> all = new ArrayList<>(heldOutSize);
            SampleSet first = null;
            for (int k = 0; k < chunks(heldOutSize); k++) {
                SampleSet c = simulateChunk(k);
                first = first == null ? c : first;
                all.addAll(c.samples());
            }
            heldOut = new SampleSet(all, first.conditionShape(), first.targetShape());
        }
        return heldOut;
    }

    /** @return the held-out set's first chunk (for shapes and kinds), without simulating the rest */
    public SampleSet firstHeldOutChunk() {
        if (heldOut != null) {
            return heldOut.slice(0, Math.min(heldOut.size(), SetRequest.CHUNK));
        }
        return simulateChunk(0);
    }

    /**
     * @return the held-out set's SHA-256: {@link SampleSet#sha256()} when it is in memory or fits in one chunk,
     *     otherwise the SHA-256 of its chunks' hex digests in order (simulated when not yet streamed)
     */
    public String heldOutSha256() {
        if (heldOut != null) {
            return heldOut.sha256();
        }
        if (heldOutSha == null) {
            int n = chunks(heldOutSize);
            if (n == 1) {
                heldOutSha = simulateChunk(0).sha256();
            } else {
                MessageDigest md = sha();
                for (int k = 0; k < n; k++) {
                    md.update(simulateChunk(k).sha256().getBytes(StandardCharsets.US_ASCII));
                }
                heldOutSha = HexFormat.of().formatHex(md.digest());
            }
        }
        return heldOutSha;
    }

    /** @return true when the held-out set was simulated (no {@code --data}) */
    public boolean simulated() {
        return simulated;
    }

    /** @return {@code n} empty inputs ({@link org.realitycheck.core.Probes#emptyInputs}), drawn once per run and size */
    public SampleSet emptyInputs(int n) {
        return timed("simulation", () -> sets.computeIfAbsent(SetRequest.emptyInputs(n).key(),
                k -> domain.probes().emptyInputs(n, Seeds.derive(seed, k))));
    }

    /** @return {@code n} rare-object injections ({@link org.realitycheck.core.Probes#injections}), drawn once per run and size */
    public SampleSet injections(int n) {
        return timed("simulation", () -> sets.computeIfAbsent(SetRequest.injections(n).key(),
                k -> domain.probes().injections(n, Seeds.derive(seed, k))));
    }

    /** @return a sweep of one covariate over {@code [min, max]}, or empty when the domain cannot sweep it */
    public Optional<SampleSet> sweep(String covariate, double min, double max, int n) {
        String key = SetRequest.sweep(covariate, min, max, n).key();
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
     * @return the model's output for every sample of {@code set}, flattened, in order; computed once per set,
     *     chunk by chunk with the chunk seeds of the class comment
     */
    public List<float[]> model(SampleSet set) {
        List<float[]> out = model.get(set);
        if (out == null) {
            List<float[]> all = new ArrayList<>(set.size());
            for (int k = 0; k * SetRequest.CHUNK < set.size(); k++) {
                all.addAll(modelChunk(set.slice(k * SetRequest.CHUNK, Math.min(set.size(), (k + 1) * SetRequest.CHUNK)), k));
            }
            out = List.copyOf(all);
            model.put(set, out);
        }
        return out;
    }

    private List<float[]> modelChunk(SampleSet chunk, int k) {
        if (chunk.isEmpty()) {
            return List.of();
        }
        progress.update("model on " + chunk.size() + " samples", 0, chunk.size());
        long s = Seeds.derive(seed, "model:" + chunk.get(0).id() + ":" + chunk.size() + (k > 0 ? ":" + k : ""));
        List<float[]> out = timed("model", () -> generator.generateAll(chunk, s));
        progress.update("model on " + chunk.size() + " samples", chunk.size(), chunk.size());
        return out;
    }

    /** @return the conventional method's estimate for every sample of {@code set}, in order, computed once per set */
    public List<Estimate> conventional(SampleSet set) {
        List<Estimate> out = conventional.get(set);
        if (out == null) {
            out = conventionalOf(set);
            conventional.put(set, out);
        }
        return out;
    }

    private List<Estimate> conventionalOf(SampleSet set) {
        progress.update("conventional method on " + set.size() + " samples", 0, set.size());
        List<Estimate> out = timed("conventional",
                () -> List.copyOf(domain.reference().conventionalMethod().estimateAll(set)));
        progress.update("conventional method on " + set.size() + " samples", set.size(), set.size());
        return out;
    }

    /**
     * Streams one set to {@code sink}, chunk by chunk in order, running the model on each chunk once; the
     * conventional method runs on a chunk when a receiver first asks for it.
     *
     * @param request the set (its {@link SetRequest#base() base}: filters are the receivers' business)
     * @return false when the domain cannot make the set (a sweep of a covariate it does not know)
     */
    public boolean forEachChunk(SetRequest request, Consumer<Chunk> sink) {
        SetRequest base = request.base();
        if (base.kind() == SetRequest.Kind.HELD_OUT && heldOut == null) {
            int n = chunks(heldOutSize);
            MessageDigest md = n > 1 && heldOutSha == null ? sha() : null;
            for (int k = 0; k < n; k++) {
                SampleSet c = simulateChunk(k);
                if (n == 1 && heldOutSha == null) {
                    heldOutSha = c.sha256();
                } else if (md != null) {
                    md.update(c.sha256().getBytes(StandardCharsets.US_ASCII));
                }
                List<float[]> out = modelChunk(c, k);
                sink.accept(new Chunk(base, c, (long) k * SetRequest.CHUNK, out, () -> conventionalOf(c), domain));
            }
            if (md != null) {
                heldOutSha = HexFormat.of().formatHex(md.digest());
            }
            return true;
        }
        SampleSet set;
        switch (base.kind()) {
            case HELD_OUT -> set = heldOut;
            case EMPTY_INPUTS -> set = emptyInputs(base.n());
            case INJECTIONS -> set = injections(base.n());
            default -> {
                Optional<SampleSet> s = sweep(base.covariate(), base.min(), base.max(), base.n());
                if (s.isEmpty()) {
                    return false;
                }
                set = s.get();
            }
        }
        boolean cached = model.containsKey(set);
        for (int k = 0; k * SetRequest.CHUNK < set.size(); k++) {
            int from = k * SetRequest.CHUNK;
            int to = Math.min(set.size(), from + SetRequest.CHUNK);
            SampleSet c = set.slice(from, to);
            List<float[]> out = cached ? model.get(set).subList(from, to) : modelChunk(c, k);
            List<Estimate> conv = conventional.get(set);
            sink.accept(new Chunk(base, c, from, out, conv != null ? () -> conv.subList(from, to) : () -> conventionalOf(c),
                    domain));
        }
        return true;
    }

    private static int chunks(int n) {
        return (n + SetRequest.CHUNK - 1) / SetRequest.CHUNK;
    }

    private SampleSet simulateChunk(int k) {
        if (k == 0 && firstChunk != null) {
            return firstChunk;
        }
        int from = k * SetRequest.CHUNK;
        int n = Math.min(SetRequest.CHUNK, heldOutSize - from);
        progress.update("simulating held-out samples", from, heldOutSize);
        SampleSet c = timed("simulation",
                () -> domain.data().simulate(n, Seeds.derive(seed, k == 0 ? "heldout" : "heldout:" + k), Map.of()));
        if (k > 0) {
            List<Sample> renamed = new ArrayList<>(c.size());
            for (int i = 0; i < c.size(); i++) {
                renamed.add(renumbered(c.get(i), from + i));
            }
            c = new SampleSet(renamed, c.conditionShape(), c.targetShape()).withNotes(c.notes(), c.assumptions());
        } else {
            firstChunk = c;
        }
        return c;
    }

    /** @return the sample with the trailing number of its id replaced by its global index (ids stay unique) */
    private static Sample renumbered(Sample s, long index) {
        Matcher m = TRAILING_NUMBER.matcher(s.id());
        String id = m.matches()
                ? m.group(1) + String.format(java.util.Locale.ROOT, "%0" + m.group(2).length() + "d", index)
                : s.id() + "-" + index;
        return new Sample(id, s.kind(), s.condition(), s.target().orElse(null), s.covariates(), s.metadata());
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
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

    /** Adds {@code s} wall seconds to {@code category}. */
    public void addSeconds(String category, double s) {
        seconds.merge(category, s, Double::sum);
    }

    /**
     * @return wall seconds spent per category ({@code simulation}, {@code model}, {@code conventional},
     *     {@code statistics}); for logs and benchmarks, never for results
     */
    public Map<String, Double> seconds() {
        return Map.copyOf(seconds);
    }
}
