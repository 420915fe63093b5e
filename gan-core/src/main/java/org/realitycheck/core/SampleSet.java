package org.realitycheck.core;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Predicate;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.realitycheck.core.data.FloatArrays;

/**
 * An immutable, ordered set of {@link Sample}s that share one condition shape and one target shape
 * (per sample, without the batch dimension). It batches samples into ND4J arrays of shape
 * {@code [batch, ...shape]}, fingerprints itself (SHA-256, recorded in model cards) and reports the
 * covariate ranges it spans.
 */
public final class SampleSet implements Iterable<Sample> {
    private final List<Sample> samples;
    private final long[] conditionShape;
    private final long[] targetShape;
    private final int conditionLength;
    private final int targetLength;
    private final List<String> notes;
    private final List<String> assumptions;

    /**
     * @param samples the samples, never null; every condition must have {@code prod(conditionShape)}
     *     values and every present target {@code prod(targetShape)} values
     * @param conditionShape per-sample condition shape, e.g. {@code [1, 64, 64]} or {@code [40]}
     * @param targetShape per-sample target shape
     * @throws IllegalArgumentException if a sample does not match the shapes or ids repeat
     */
    public SampleSet(List<Sample> samples, long[] conditionShape, long[] targetShape) {
        this(samples, conditionShape, targetShape, List.of(), List.of());
    }

    private SampleSet(List<Sample> samples, long[] conditionShape, long[] targetShape, List<String> notes,
            List<String> assumptions) {
        this.notes = List.copyOf(notes);
        this.assumptions = List.copyOf(assumptions);
        this.samples = List.copyOf(Objects.requireNonNull(samples, "samples"));
        this.conditionShape = conditionShape.clone();
        this.targetShape = targetShape.clone();
        this.conditionLength = length(conditionShape, "conditionShape");
        this.targetLength = length(targetShape, "targetShape");
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Sample s : this.samples) {
            if (s.conditionView().length != conditionLength) {
                throw new IllegalArgumentException("sample " + s.id() + ": condition has " + s.conditionView().length
                        + " values, expected " + conditionLength + " for shape " + Arrays.toString(conditionShape));
            }
            if (s.targetView() != null && s.targetView().length != targetLength) {
                throw new IllegalArgumentException("sample " + s.id() + ": target has " + s.targetView().length
                        + " values, expected " + targetLength + " for shape " + Arrays.toString(targetShape));
            }
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("sample id '" + s.id() + "' appears twice");
            }
        }
    }

    private static int length(long[] shape, String name) {
        if (shape.length == 0) {
            throw new IllegalArgumentException(name + " must have at least one dimension");
        }
        long n = 1;
        for (long d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException(name + " dimensions must be >= 1, got " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " is too large: " + Arrays.toString(shape));
        }
        return (int) n;
    }

    /**
     * The same samples with what the loader has to tell the reader (validation shows both in the result):
     * {@code notes} are facts about how the data was read (extra columns kept as metadata, samples
     * dropped, where the instrument came from); {@code assumptions} are what the loader had to assume
     * because the data did not say (an instrument default), and turn the result into a WARN.
     *
     * @param notes one line each, never null
     * @param assumptions one line each, naming the assumption and what would have replaced it, never null
     */
    public SampleSet withNotes(List<String> notes, List<String> assumptions) {
        return new SampleSet(samples, conditionShape, targetShape, notes, assumptions);
    }

    /** @return how the data was read, one line each ({@link #withNotes}); empty for simulated data */
    public List<String> notes() {
        return notes;
    }

    /** @return what the loader assumed because the data did not say ({@link #withNotes}); empty when nothing was assumed */
    public List<String> assumptions() {
        return assumptions;
    }

    public int size() {
        return samples.size();
    }

    public boolean isEmpty() {
        return samples.isEmpty();
    }

    public Sample get(int i) {
        return samples.get(i);
    }

    /** @return the samples, unmodifiable */
    public List<Sample> samples() {
        return samples;
    }

    /** @return a copy of the per-sample condition shape */
    public long[] conditionShape() {
        return conditionShape.clone();
    }

    /** @return a copy of the per-sample target shape */
    public long[] targetShape() {
        return targetShape.clone();
    }

    /** @return number of values in one condition */
    public int conditionLength() {
        return conditionLength;
    }

    /** @return number of values in one target */
    public int targetLength() {
        return targetLength;
    }

    /** @return true when every sample has a target */
    public boolean allHaveTargets() {
        for (Sample s : samples) {
            if (!s.hasTarget()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Iterator<Sample> iterator() {
        return samples.iterator();
    }

    /** @return the samples that satisfy {@code keep}, with the same shapes */
    public SampleSet filter(Predicate<Sample> keep) {
        List<Sample> out = new ArrayList<>();
        for (Sample s : samples) {
            if (keep.test(s)) {
                out.add(s);
            }
        }
        return new SampleSet(out, conditionShape, targetShape, notes, assumptions);
    }

    /** @return the samples of one kind */
    public SampleSet ofKind(String kind) {
        return filter(s -> s.kind().equals(kind));
    }

    /** @return samples {@code [from, to)} */
    public SampleSet slice(int from, int to) {
        return new SampleSet(samples.subList(from, to), conditionShape, targetShape, notes, assumptions);
    }

    /** @return this set followed by {@code other}; shapes must agree */
    public SampleSet concat(SampleSet other) {
        if (!Arrays.equals(conditionShape, other.conditionShape) || !Arrays.equals(targetShape, other.targetShape)) {
            throw new IllegalArgumentException("cannot concatenate sets of different shapes: "
                    + Arrays.toString(conditionShape) + "->" + Arrays.toString(targetShape) + " and "
                    + Arrays.toString(other.conditionShape) + "->" + Arrays.toString(other.targetShape));
        }
        List<Sample> all = new ArrayList<>(samples);
        all.addAll(other.samples);
        return new SampleSet(all, conditionShape, targetShape, union(notes, other.notes), union(assumptions, other.assumptions));
    }

    private static List<String> union(List<String> a, List<String> b) {
        java.util.LinkedHashSet<String> u = new java.util.LinkedHashSet<>(a);
        u.addAll(b);
        return List.copyOf(u);
    }

    /**
     * Conditions of samples {@code [from, to)} as a float array of shape {@code [to-from, ...conditionShape]}.
     */
    public INDArray conditions(int from, int to) {
        float[] buf = new float[(to - from) * conditionLength];
        for (int i = from; i < to; i++) {
            System.arraycopy(samples.get(i).conditionView(), 0, buf, (i - from) * conditionLength, conditionLength);
        }
        return FloatArrays.of(buf, batchShape(to - from, conditionShape));
    }

    /**
     * Targets of samples {@code [from, to)} as {@code [to-from, ...targetShape]}.
     *
     * @throws IllegalStateException if one of them has no target
     */
    public INDArray targets(int from, int to) {
        float[] buf = new float[(to - from) * targetLength];
        for (int i = from; i < to; i++) {
            float[] t = samples.get(i).targetView();
            if (t == null) {
                throw new IllegalStateException("sample " + samples.get(i).id() + " has no target");
            }
            System.arraycopy(t, 0, buf, (i - from) * targetLength, targetLength);
        }
        return FloatArrays.of(buf, batchShape(to - from, targetShape));
    }

    /** Gathers the conditions of the given sample indices, in order. */
    public INDArray conditions(int[] indices) {
        float[] buf = new float[indices.length * conditionLength];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(samples.get(indices[i]).conditionView(), 0, buf, i * conditionLength, conditionLength);
        }
        return FloatArrays.of(buf, batchShape(indices.length, conditionShape));
    }

    /** Gathers the targets of the given sample indices, in order. */
    public INDArray targets(int[] indices) {
        float[] buf = new float[indices.length * targetLength];
        for (int i = 0; i < indices.length; i++) {
            float[] t = samples.get(indices[i]).targetView();
            if (t == null) {
                throw new IllegalStateException("sample " + samples.get(indices[i]).id() + " has no target");
            }
            System.arraycopy(t, 0, buf, i * targetLength, targetLength);
        }
        return FloatArrays.of(buf, batchShape(indices.length, targetShape));
    }

    /** @return {@code [batch, ...shape]} */
    public static long[] batchShape(long batch, long[] shape) {
        long[] s = new long[shape.length + 1];
        s[0] = batch;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return s;
    }

    /**
     * A seeded permutation of {@code 0..size-1}, cut into batches of at most {@code batchSize}.
     * The last short batch is kept when {@code dropLast} is false.
     */
    public List<int[]> batchIndices(int batchSize, long seed, boolean dropLast) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        int[] perm = new int[samples.size()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = perm.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        List<int[]> out = new ArrayList<>();
        for (int from = 0; from < perm.length; from += batchSize) {
            int to = Math.min(perm.length, from + batchSize);
            if (dropLast && to - from < batchSize) {
                break;
            }
            out.add(Arrays.copyOfRange(perm, from, to));
        }
        return out;
    }

    /** Iterates over contiguous, unshuffled batches of conditions (for inference). */
    public Iterator<INDArray> conditionBatches(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        return new Iterator<>() {
            int from = 0;

            @Override
            public boolean hasNext() {
                return from < samples.size();
            }

            @Override
            public INDArray next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int to = Math.min(samples.size(), from + batchSize);
                INDArray b = conditions(from, to);
                from = to;
                return b;
            }
        };
    }

    /**
     * The min and max of every covariate over the set, in first-seen order. Covariates missing from
     * some samples are ranged over the samples that carry them.
     */
    public Map<String, Range> covariateRanges() {
        Map<String, Range> out = new LinkedHashMap<>();
        for (Sample s : samples) {
            for (Map.Entry<String, Double> e : s.covariates().entrySet()) {
                double v = e.getValue();
                if (Double.isNaN(v)) {
                    continue;
                }
                out.merge(e.getKey(), new Range(v, v), Range::union);
            }
        }
        return out;
    }

    /**
     * SHA-256 over ids, kinds, shapes, conditions, targets and covariates, in order. Two sets with
     * the same content give the same hex string on any machine.
     */
    public String sha256() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer bb = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            for (long d : conditionShape) {
                md.update(bb.clear().putLong(d).array());
            }
            for (long d : targetShape) {
                md.update(bb.clear().putLong(d).array());
            }
            for (Sample s : samples) {
                md.update(s.id().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(s.kind().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                update(md, s.conditionView());
                if (s.targetView() != null) {
                    md.update((byte) 1);
                    update(md, s.targetView());
                } else {
                    md.update((byte) 0);
                }
                for (Map.Entry<String, Double> e : s.covariates().entrySet()) {
                    md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                    md.update(bb.clear().putDouble(e.getValue()).array());
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void update(MessageDigest md, float[] values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(values);
        md.update(buf.array());
    }

    /** An ND4J float array of shape {@code [n, ...shape]} from flattened rows; a helper for domains. */
    public static INDArray stack(List<float[]> rows, long[] shape) {
        int len = length(shape, "shape");
        float[] buf = new float[rows.size() * len];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, buf, i * len, len);
        }
        return FloatArrays.of(buf, batchShape(rows.size(), shape));
    }
}
