package org.realitycheck.core.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;

/**
 * Training stopped at the first non-finite loss (NaN or infinite): every later step would only
 * spread the NaN through the weights, and a model of NaN weights must never be written. Almost
 * always the data is at fault (values near the float limit, such as pixels of 3e38, overflow the
 * normalisation or the first layer), or a learning rate far too large; so it is bad input (exit 2),
 * and the message names the loss, the step, the data's range and the samples of the batch with
 * the largest or non-finite values.
 */
public final class DivergedTrainingException extends BadInputException {
    private static final long serialVersionUID = 1L;
    /** How many offending samples the message names. */
    static final int NAMED = 3;

    private DivergedTrainingException(String message) {
        super(message);
    }

    /** @return true when every loss is finite */
    static boolean finite(Map<String, Double> losses) {
        return losses.values().stream().allMatch(v -> v != null && Double.isFinite(v));
    }

    /**
     * @param losses the step's losses, at least one not finite
     * @param data the training set
     * @param batch the indices of the step's samples in {@code data}
     */
    static DivergedTrainingException at(int epoch, long iteration, Map<String, Double> losses, SampleSet data, int[] batch) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        long nonFinite = 0;
        for (Sample s : data) {
            for (float[] a : arrays(s)) {
                for (float v : a) {
                    if (!Float.isFinite(v)) {
                        nonFinite++;
                    } else {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        record Worst(String id, double size) {
        }
        List<Worst> worst = new ArrayList<>();
        for (int i : batch) {
            Sample s = data.get(i);
            double m = 0;
            for (float[] a : arrays(s)) {
                for (float v : a) {
                    m = Float.isFinite(v) ? Math.max(m, Math.abs(v)) : Double.POSITIVE_INFINITY;
                }
            }
            worst.add(new Worst(s.id(), m));
        }
        worst.sort(Comparator.comparingDouble(Worst::size).reversed());
        StringBuilder sb = new StringBuilder();
        sb.append("training stopped at the first non-finite loss (epoch ").append(epoch).append(", iteration ")
                .append(iteration + 1).append(", losses ").append(new TreeMap<>(losses)).append("); no model is written. ");
        sb.append(String.format(Locale.ROOT, "The training data's values span [%.4g, %.4g]", lo, hi));
        if (nonFinite > 0) {
            sb.append(" with ").append(nonFinite).append(" NaN or infinite values");
        }
        sb.append("; the samples of that batch with the largest values: ");
        for (int k = 0; k < Math.min(NAMED, worst.size()); k++) {
            sb.append(k == 0 ? "" : ", ").append(worst.get(k).id())
                    .append(String.format(Locale.ROOT, " (max |value| %.4g)", worst.get(k).size()));
        }
        sb.append(". Expected data on the scale the domain simulates (rescale or remove those samples), or a "
                + "smaller --learning-rate");
        return new DivergedTrainingException(sb.toString());
    }

    private static List<float[]> arrays(Sample s) {
        List<float[]> out = new ArrayList<>(2);
        out.add(s.condition());
        s.target().ifPresent(out::add);
        return out;
    }
}
