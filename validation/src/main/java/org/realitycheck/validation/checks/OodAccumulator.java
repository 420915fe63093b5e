package org.realitycheck.validation.checks;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.realitycheck.core.Estimate;
import org.realitycheck.core.Sample;
import org.realitycheck.validation.Accumulator;
import org.realitycheck.validation.Chunk;
import org.realitycheck.validation.SetRequest;

/**
 * {@code ood.covariate}'s mergeable state: per sweep bin (one requested set each), the observables of every
 * sample ({@link ObservableRows}), its PSNR for model and conventional method, and its condition's summary
 * features, by global index; on the user's data, per covariate, how many samples carry it and how many lie
 * outside the training range; the model's non-finite outputs over all sweeps.
 */
abstract class OodAccumulator implements Accumulator {
    private static final long serialVersionUID = 1L;

    /** One sweep bin's state. */
    record Bin(ObservableRows rows, Columns psnr, Columns features) implements Serializable {
        void merge(Bin o) {
            rows.merge(o.rows);
            psnr.merge(o.psnr);
            features.merge(o.features);
        }
    }

    private final List<String> observableNames;
    private final boolean psnr;
    private final Map<String, double[]> training;
    private final TreeMap<String, Bin> bins = new TreeMap<>();
    private final TreeMap<String, long[]> coverage = new TreeMap<>();
    private final TreeMap<String, Integer> setOrder = new TreeMap<>();
    private final NonFinite nonFinite = new NonFinite();

    /**
     * @param observables the observables' names
     * @param training covariate → its training range {min, max}, for the data-coverage counts
     * @param plan the sets the check planned, in order (fixes how sample ids are ordered across sets)
     */
    OodAccumulator(List<String> observables, boolean psnr, Map<String, double[]> training, List<SetRequest> plan) {
        this.observableNames = List.copyOf(observables);
        this.psnr = psnr;
        this.training = new LinkedHashMap<>(training);
        for (SetRequest r : plan) {
            setOrder.putIfAbsent(r.key(), setOrder.size());
        }
    }

    private Bin newBin() {
        return new Bin(ObservableRows.ofNames(observableNames, List.of()), new Columns(2),
                new Columns(OodInputScore.FEATURES.length));
    }

    @Override
    public void add(Chunk c) {
        long base = (long) setOrder.getOrDefault(c.request().key(), setOrder.size()) << 40;
        for (int i = 0; i < c.size(); i++) {
            nonFinite.add(base + c.index(i), c.sample(i).id(), c.output(i));
        }
        if (c.request().kind() != SetRequest.Kind.SWEEP) {
            for (Map.Entry<String, double[]> e : training.entrySet()) {
                long[] n = coverage.computeIfAbsent(e.getKey(), k -> new long[2]);
                for (Sample s : c.samples()) {
                    var v = s.covariate(e.getKey());
                    if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
                        n[0]++;
                        n[1] += v.getAsDouble() >= e.getValue()[0] && v.getAsDouble() <= e.getValue()[1] ? 0 : 1;
                    }
                }
            }
            return;
        }
        Bin bin = bins.computeIfAbsent(c.request().key(), k -> newBin());
        bin.rows().add(c);
        for (int i = 0; i < c.size(); i++) {
            Sample s = c.sample(i);
            float[] t = s.target().orElse(null);
            if (psnr) {
                Estimate e = c.conventional(i);
                double pm = t == null ? Double.NaN : OodPsnr.psnr(c.output(i), t);
                double pc = t != null && e.valid() ? OodPsnr.psnr(e.value(), t) : Double.NaN;
                bin.psnr().add(c.index(i), pm, pc);
            }
            bin.features().add(c.index(i), OodInputScore.features(s.condition()));
        }
    }

    @Override
    public void merge(Accumulator other) {
        OodAccumulator o = (OodAccumulator) other;
        if (!o.observableNames.equals(observableNames)) {
            throw new IllegalArgumentException("cannot merge accumulators of different observables");
        }
        o.bins.forEach((k, b) -> {
            Bin mine = bins.get(k);
            if (mine == null) {
                bins.put(k, b);
            } else {
                mine.merge(b);
            }
        });
        o.coverage.forEach((k, v) -> {
            long[] mine = coverage.computeIfAbsent(k, x -> new long[2]);
            mine[0] += v[0];
            mine[1] += v[1];
        });
        nonFinite.merge(o.nonFinite);
    }

    /** @return the state of the sweep bin with this set key, or null when no sample of it was seen */
    Bin bin(String key) {
        return bins.get(key);
    }

    /** @return {samples carrying the covariate, of them outside the training range} on the user's data */
    long[] coverage(String covariate) {
        return coverage.getOrDefault(covariate, new long[2]).clone();
    }

    NonFinite nonFinite() {
        return nonFinite;
    }
}
