package org.realitycheck.onnx;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.realitycheck.core.BadInputException;
import org.realitycheck.core.model.ImportFidelity;

/**
 * The import-fidelity check: before anything is judged, the ONNX graph runs the reference inputs its
 * source framework ran (and the same noise), and every output value must agree with the framework's:
 * {@code |y − ref| <= atol + rtol·|ref|}, the rule of {@code numpy.allclose} / {@code torch.allclose},
 * with the card's tolerances (default atol 1e-5, rtol 1e-4: float32 arithmetic in another order of
 * operations differs by a few ulps per layer, about 1e-7 relative; the issue measured 6e-8 on a 38→128→
 * 128→5 MLP). A mismatch is bad input: the export is not the model its author trained, so no verdict.
 */
public final class Fidelity {
    private Fidelity() {
    }

    /**
     * Runs the check.
     *
     * @param g the generator, opened with its card
     * @return what it found, for the run's provenance
     * @throws BadInputException naming the reference file when the shapes do not fit the card, or naming
     *     the largest difference and where it occurred (sample index, flattened output index) when a value
     *     is outside the tolerance or not finite
     */
    public static ImportFidelity check(OnnxGenerator g) {
        OnnxCard card = g.onnxCard();
        OnnxCard.Reference ref = card.reference();
        Npy.Array in = Npy.read(ref.inputs());
        Npy.Array out = Npy.read(ref.outputs());
        long[] condShape = card.modelCard().conditionShape();
        long[] targetShape = card.modelCard().targetShape();
        requireShape(ref.inputs(), in, condShape, "conditionShape");
        requireShape(ref.outputs(), out, targetShape, "targetShape");
        int n = in.rows();
        if (n < 1 || out.rows() != n) {
            throw BadInputException.at(ref.outputs(), "shape", n + " reference inputs but " + out.rows()
                    + " reference outputs; expected one output per input, at least one");
        }
        float[] noise = null;
        if (g.noiseDim() > 0) {
            Path np = ref.noise().orElseThrow();
            Npy.Array z = Npy.read(np);
            requireShape(np, z, new long[] {g.noiseDim()}, "the graph's noise width");
            if (z.rows() != n) {
                throw BadInputException.at(np, "shape", z.rows() + " rows of noise for " + n + " reference inputs");
            }
            noise = z.data();
        }
        int condLen = in.data().length / n;
        int outLen = out.data().length / n;
        int batch = g.preferredBatchSize();
        double maxDiff = -1;
        int worstSample = 0;
        int worstOutput = 0;
        float worstGot = 0;
        long violations = 0;
        double atol = ref.absoluteTolerance();
        double rtol = ref.relativeTolerance();
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            float[] c = Arrays.copyOfRange(in.data(), from * condLen, to * condLen);
            float[] z = noise == null ? null : Arrays.copyOfRange(noise, from * g.noiseDim(), to * g.noiseDim());
            float[] y = g.run(c, to - from, z);
            for (int i = 0; i < y.length; i++) {
                float r = out.data()[from * outLen + i];
                double d = Math.abs((double) y[i] - r);
                if (!Double.isFinite(d)) {
                    d = Double.POSITIVE_INFINITY;
                }
                if (!(d <= atol + rtol * Math.abs(r))) {
                    violations++;
                }
                if (d > maxDiff) {
                    maxDiff = d;
                    worstSample = from + i / outLen;
                    worstOutput = i % outLen;
                    worstGot = y[i];
                }
            }
        }
        if (violations > 0) {
            float r = out.data()[worstSample * outLen + worstOutput];
            throw BadInputException.at(ref.outputs(), "sample " + worstSample + ", output " + worstOutput, String.format(
                    Locale.ROOT, "the ONNX model does not reproduce its reference: %s gives %.7g, the reference %.7g "
                            + "(largest |Δ| = %.3g; %d of %d values outside |Δ| <= %.3g + %.3g·|reference|); "
                            + "the model is not judged", OnnxGenerator.engine(), worstGot, r, maxDiff, violations,
                    (long) n * outLen, atol, rtol));
        }
        String files = card.file().getParent().relativize(ref.inputs()) + ", "
                + ref.noise().map(p -> card.file().getParent().relativize(p) + ", ").orElse("")
                + card.file().getParent().relativize(ref.outputs());
        return new ImportFidelity(OnnxGenerator.engine(), files, n, (long) n * outLen, maxDiff, worstSample,
                worstOutput, atol, rtol);
    }

    private static void requireShape(Path file, Npy.Array a, long[] rowShape, String what) {
        if (a.shape().length == 0 || !Arrays.equals(a.rowShape(), rowShape)) {
            throw BadInputException.at(file, "shape", "expected [n, " + Arrays.toString(rowShape).replaceAll("[\\[\\]]", "")
                    + "] (" + what + "), got " + Arrays.toString(a.shape()));
        }
    }
}
