package org.realitycheck.astro.deconv;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.realitycheck.core.Estimate;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;

/**
 * Richardson–Lucy deconvolution (Richardson 1972, JOSA 62, 55; Lucy 1974, AJ 79, 745) with the known
 * PSF: {@code u ← u · Aᵀ(d / A u)} from a flat start, {@code A} the {@link ForwardOperator}.
 *
 * <p>Sky-subtracted data has negative pixels, which RL cannot take. The image is therefore lifted by a
 * pedestal {@code c = max(3σ, σ − min d)} so that every pixel is positive; because the periodic PSF
 * maps a constant onto itself, RL then restores {@code x + c}, and {@code c} is subtracted at the end.
 * Each iteration conserves {@code Σu = Σ(d + c)} exactly (A is normalised and periodic), so the result
 * has the flux of the input to rounding.
 *
 * <p>Speed: two bands or two images with the same instrument are iterated together, one as the real
 * and one as the imaginary part of a single complex FFT ({@link #estimateAll} pairs the samples).
 *
 * @param iterations number of iterations, {@code >= 1} (default 30)
 */
public record RichardsonLucy(int iterations) implements Deconvolver {
    /** Default number of iterations. */
    public static final int DEFAULT_ITERATIONS = 30;

    private static final ThreadLocal<double[][]> WORK = ThreadLocal.withInitial(() -> new double[6][0]);

    public RichardsonLucy {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
    }

    /** 30 iterations. */
    public static RichardsonLucy defaults() {
        return new RichardsonLucy(DEFAULT_ITERATIONS);
    }

    @Override
    public String name() {
        return "richardson-lucy";
    }

    @Override
    public float[] deconvolve(float[] measured, Instrument ins) {
        int n = ins.size() * ins.size();
        float[] out = new float[measured.length];
        int b = 0;
        for (; b + 1 < ins.bands(); b += 2) {
            pair(measured, b * n, out, b * n, measured, (b + 1) * n, out, (b + 1) * n, ins);
        }
        if (b < ins.bands()) {
            pair(measured, b * n, out, b * n, null, 0, null, 0, ins);
        }
        return out;
    }

    /** Deconvolves the samples two at a time when consecutive samples share the instrument; all cores. */
    @Override
    public List<Estimate> estimateAll(SampleSet set) {
        Estimate[] out = new Estimate[set.size()];
        IntStream.range(0, (set.size() + 1) / 2).parallel().forEach(k -> {
            int i = 2 * k;
            Sample a = set.get(i);
            if (i + 1 == set.size()) {
                out[i] = estimate(a);
                return;
            }
            Sample b = set.get(i + 1);
            Instrument ia = Instrument.of(a);
            Instrument ib = Instrument.of(b);
            if (!ia.equals(ib) || ia.bands() != 1) {
                out[i] = estimate(a);
                out[i + 1] = estimate(b);
                return;
            }
            float[] da = a.condition();
            float[] db = b.condition();
            float[] xa = new float[da.length];
            float[] xb = new float[db.length];
            pair(da, 0, xa, 0, db, 0, xb, 0, ia);
            out[i] = withChi2(xa, da, ia);
            out[i + 1] = withChi2(xb, db, ib);
        });
        return new ArrayList<>(List.of(out));
    }

    private static Estimate withChi2(float[] x, float[] d, Instrument ins) {
        double[] c2 = ForwardOperator.chi2(x, d, ins);
        return new Estimate(x, new float[0], c2[0], (int) c2[1], true);
    }

    /** RL on one band of {@code ma} (and, when {@code mb} is not null, one of {@code mb}) together. */
    private void pair(float[] ma, int oa, float[] xa, int ooa, float[] mb, int ob, float[] xb, int oob, Instrument ins) {
        int n = ins.size() * ins.size();
        double[][] wk = WORK.get();
        if (wk[0].length != n) {
            wk = new double[6][n];
            WORK.set(wk);
        }
        double[] ua = wk[0];
        double[] da = wk[1];
        double[] ta = wk[2];
        double[] ub = wk[3];
        double[] db = wk[4];
        double[] tb = wk[5];
        double pa = lift(ma, oa, n, ins.skySigma(), da, ua);
        double pb = mb == null ? 0 : lift(mb, ob, n, ins.skySigma(), db, ub);
        if (mb == null) {
            java.util.Arrays.fill(ub, 0, n, 0.0);
            java.util.Arrays.fill(db, 0, n, 0.0);
        }
        for (int it = 0; it < iterations; it++) {
            System.arraycopy(ua, 0, ta, 0, n);
            System.arraycopy(ub, 0, tb, 0, n);
            ForwardOperator.applyPair(ins, ta, tb, false);
            for (int i = 0; i < n; i++) {
                ta[i] = ta[i] > 0 ? da[i] / ta[i] : 0;
                tb[i] = tb[i] > 0 ? db[i] / tb[i] : 0;
            }
            ForwardOperator.applyPair(ins, ta, tb, true);
            for (int i = 0; i < n; i++) {
                ua[i] *= ta[i];
                ub[i] *= tb[i];
            }
        }
        for (int i = 0; i < n; i++) {
            xa[ooa + i] = (float) (ua[i] - pa);
        }
        if (mb != null) {
            for (int i = 0; i < n; i++) {
                xb[oob + i] = (float) (ub[i] - pb);
            }
        }
    }

    /** Fills {@code data = d + c} and the flat start {@code u = mean(d) + c}; returns the pedestal c. */
    private static double lift(float[] m, int o, int n, double sigma, double[] data, double[] u) {
        double min = Double.POSITIVE_INFINITY;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, m[o + i]);
            sum += m[o + i];
        }
        double ped = Math.max(3 * sigma, sigma - min);
        double start = sum / n + ped;
        for (int i = 0; i < n; i++) {
            data[i] = m[o + i] + ped;
            u[i] = start;
        }
        return ped;
    }
}
