package org.realitycheck.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;

/**
 * One slice of one requested set, as an {@link Accumulator} receives it: the samples, each one's global index
 * within its set (the same however the set was split), the model's output for each, the conventional
 * method's estimate for each (computed on first use, once per chunk for all checks), and the {@link Domain}
 * (an executor-local instance). A check that asked for a filtered set ({@link SetRequest#truthOnly()},
 * {@link SetRequest#sampleKind()}) receives only the samples that pass, with their global indices.
 */
public final class Chunk {
    private final SetRequest request;
    private final SampleSet samples;
    private final long start;
    private final long[] index;
    private final List<float[]> outputs;
    private final Supplier<List<Estimate>> conventional;
    private final Domain domain;
    private final int left;

    /**
     * @param request the set this chunk belongs to
     * @param samples the slice
     * @param start the global index of the slice's first sample within its set
     * @param outputs the model's output for every sample, flattened, in order
     * @param conventional the conventional method's estimates, in order; called at most once
     * @param domain the domain
     */
    public Chunk(SetRequest request, SampleSet samples, long start, List<float[]> outputs,
            Supplier<List<Estimate>> conventional, Domain domain) {
        this(request, samples, start, null, outputs, memo(conventional), domain, 0);
    }

    private Chunk(SetRequest request, SampleSet samples, long start, long[] index, List<float[]> outputs,
            Supplier<List<Estimate>> conventional, Domain domain, int left) {
        this.request = Objects.requireNonNull(request, "request");
        this.samples = Objects.requireNonNull(samples, "samples");
        this.start = start;
        this.index = index;
        this.outputs = Objects.requireNonNull(outputs, "outputs");
        this.conventional = conventional;
        this.domain = Objects.requireNonNull(domain, "domain");
        this.left = left;
        if (outputs.size() != samples.size()) {
            throw new IllegalArgumentException(samples.size() + " samples but " + outputs.size() + " outputs");
        }
    }

    private static Supplier<List<Estimate>> memo(Supplier<List<Estimate>> s) {
        Objects.requireNonNull(s, "conventional");
        return new Supplier<>() {
            private List<Estimate> value;

            @Override
            public synchronized List<Estimate> get() {
                if (value == null) {
                    value = List.copyOf(s.get());
                }
                return value;
            }
        };
    }

    /** @return the set this chunk belongs to, as the receiving check requested it */
    public SetRequest request() {
        return request;
    }

    /** @return the samples of the chunk */
    public SampleSet samples() {
        return samples;
    }

    public int size() {
        return samples.size();
    }

    public Sample sample(int i) {
        return samples.get(i);
    }

    /** @return the global index of sample {@code i} within its set */
    public long index(int i) {
        return index == null ? start + i : index[i];
    }

    /** @return the model's output for sample {@code i}, flattened */
    public float[] output(int i) {
        return outputs.get(i);
    }

    /** @return the model's outputs, in order */
    public List<float[]> outputs() {
        return outputs;
    }

    /** @return the conventional method's estimates, in order (computed once per chunk, on first call) */
    public List<Estimate> conventional() {
        return conventional.get();
    }

    public Estimate conventional(int i) {
        return conventional.get().get(i);
    }

    public Domain domain() {
        return domain;
    }

    /** @return how many samples of the underlying slice the request's filter left out (e.g. without truth) */
    public int leftOut() {
        return left;
    }

    /** @return samples {@code [from, to)} of this chunk, with their global indices (for splitting in tests and engines) */
    public Chunk slice(int from, int to) {
        long[] idx = new long[to - from];
        for (int i = from; i < to; i++) {
            idx[i - from] = index(i);
        }
        Supplier<List<Estimate>> conv = memo(() -> conventional().subList(from, to));
        return new Chunk(request, samples.slice(from, to), idx.length == 0 ? start : idx[0], idx,
                outputs.subList(from, to), conv, domain, 0);
    }

    /** @return this chunk as {@code req} (same underlying set) asked for it: filtered when it asks for a filter */
    public Chunk as(SetRequest req) {
        if (!req.key().equals(request.key())) {
            throw new IllegalArgumentException("chunk of " + request.key() + " offered as " + req.key());
        }
        if (!req.filtered()) {
            return new Chunk(req, samples, start, index, outputs, conventional, domain, left);
        }
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            if ((!req.truthOnly() || s.hasTarget()) && (req.sampleKind() == null || req.sampleKind().equals(s.kind()))) {
                keep.add(i);
            }
        }
        if (keep.size() == samples.size()) {
            return new Chunk(req, samples, start, index, outputs, conventional, domain, left);
        }
        List<Sample> ks = new ArrayList<>(keep.size());
        List<float[]> ko = new ArrayList<>(keep.size());
        long[] idx = new long[keep.size()];
        for (int j = 0; j < keep.size(); j++) {
            int i = keep.get(j);
            ks.add(samples.get(i));
            ko.add(outputs.get(i));
            idx[j] = index(i);
        }
        Supplier<List<Estimate>> conv = memo(() -> {
            List<Estimate> all = conventional();
            List<Estimate> out = new ArrayList<>(keep.size());
            keep.forEach(i -> out.add(all.get(i)));
            return out;
        });
        SampleSet set = new SampleSet(ks, samples.conditionShape(), samples.targetShape());
        return new Chunk(req, set, idx.length == 0 ? start : idx[0], idx, ko, conv, domain,
                left + samples.size() - keep.size());
    }
}
