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
 * <p><b>Stopping rule: the discrepancy principle</b> (Morozov 1966, Soviet Math. Dokl. 7, 414; for
 * Richardson–Lucy already Lucy 1974, who stopped when the fit reached the noise, and the review of Starck,
 * Pantin &amp; Murtagh 2002, PASP 114, 1051). Unstopped, RL keeps fitting the noise: the estimate sharpens
 * noise peaks into "sources" and on real cut-outs ended below the degraded input's PSNR after a fixed 30
 * iterations. So before each update the re-blurred estimate is compared with the data,
 * {@code χ²/ndf = Σ ((d − A u)/σ)² / ndf} (one term per independent measured pixel; σ measured from the
 * image itself, {@link org.realitycheck.astro.degrade.Background#noiseSigma}, so that the estimate depends on
 * the measurement alone), and the iteration stops at the first estimate with {@code χ²/ndf ≤ τ} (default
 * {@code τ = 1}: the estimate explains the data to the noise, as the truth itself does), or after
 * {@code iterations} updates. An empty field is explained by its flat start at once, so it stays flat.
 * With {@code τ} NaN the method runs exactly {@code iterations} updates (the classical fixed count).
 *
 * <p>Sky-subtracted data has negative pixels, which RL cannot take. The image is therefore lifted by a
 * pedestal {@code c = max(3σ, σ − min d)} so that every pixel is positive; because the periodic PSF
 * maps a constant onto itself, RL then restores {@code x + c}, and {@code c} is subtracted at the end
 * (the residual {@code d − A u} and so the stopping rule are unchanged by the lift).
 * Each iteration conserves {@code Σu = Σ(d + c)} exactly (A is normalised and periodic), so the result
 * has the flux of the input to rounding.
 *
 * <p>Speed: two bands or two images with the same instrument are iterated together, one as the real
 * and one as the imaginary part of a single complex FFT ({@link #estimateAll} pairs the samples); each
 * stops by its own χ².
 *
 * @param iterations the largest number of updates, {@code >= 1} (default {@value #MAX_ITERATIONS})
 * @param discrepancy the stopping level τ of χ²/ndf, {@code > 0}, or NaN to run all {@code iterations}
 */
public record RichardsonLucy(int iterations, double discrepancy) implements Deconvolver {
    /** The classical fixed iteration count, kept for {@link #RichardsonLucy(int)}. */
    public static final int DEFAULT_ITERATIONS = 30;
    /** Cap on the updates when the discrepancy principle stops the iteration. */
    public static final int MAX_ITERATIONS = 200;

    private static final ThreadLocal<double[][]> WORK = ThreadLocal.withInitial(() -> new double[6][0]);

    public RichardsonLucy {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
        if (!(discrepancy > 0) && !Double.isNaN(discrepancy)) {
            throw new IllegalArgumentException("discrepancy must be > 0 or NaN, got " + discrepancy);
        }
    }

    /** Exactly {@code iterations} updates, no stopping rule. */
    public RichardsonLucy(int iterations) {
        this(iterations, Double.NaN);
    }

    /** Stopped by the discrepancy principle at χ²/ndf ≤ 1, at most {@value #MAX_ITERATIONS} updates. */
    public static RichardsonLucy defaults() {
        return new RichardsonLucy(MAX_ITERATIONS, 1.0);
    }

    /** @return the method and its stopping rule, for reports */
    @Override
    public String describe() {
        if (Double.isNaN(discrepancy)) {
            return "Richardson-Lucy, " + iterations + " iterations (fixed)";
        }
        return "Richardson-Lucy stopped by the discrepancy principle (first iterate with chi2/ndf <= "
                + discrepancy + " against the data; at most " + iterations + " iterations)";
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
        boolean stop = !Double.isNaN(discrepancy);
        // the noise of the stopping rule is measured from the data itself, so that the method depends on the
        // measurement alone and gives the same estimate whether or not the sample carries sky_sigma
        double sigA = stop ? noise(ma, oa, ins) : 1;
        double sigB = stop && mb != null ? noise(mb, ob, ins) : 1;
        boolean doneA = false;
        boolean doneB = mb == null;
        for (int it = 0; it < iterations; it++) {
            System.arraycopy(ua, 0, ta, 0, n);
            System.arraycopy(ub, 0, tb, 0, n);
            ForwardOperator.applyPair(ins, ta, tb, false);
            if (stop) {
                doneA = doneA || chi2PerNdf(da, ta, ins, sigA) <= discrepancy;
                doneB = doneB || chi2PerNdf(db, tb, ins, sigB) <= discrepancy;
                if (doneA && doneB) {
                    break;
                }
            }
            for (int i = 0; i < n; i++) {
                ta[i] = ta[i] > 0 ? da[i] / ta[i] : 0;
                tb[i] = tb[i] > 0 ? db[i] / tb[i] : 0;
            }
            ForwardOperator.applyPair(ins, ta, tb, true);
            if (!doneA) {
                for (int i = 0; i < n; i++) {
                    ua[i] *= ta[i];
                }
            }
            if (!doneB) {
                for (int i = 0; i < n; i++) {
                    ub[i] *= tb[i];
                }
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

    /** χ²/ndf of the data against the re-blurred estimate, one term per down-sampling block (as {@link ForwardOperator#chi2}). */
    private static double noise(float[] m, int o, Instrument ins) {
        double sg = org.realitycheck.astro.degrade.Background.noiseSigma(m, o, ins.size(), ins.size());
        return sg > 0 ? sg : ins.skySigma();
    }

    private static double chi2PerNdf(double[] data, double[] blurred, Instrument ins, double sigma) {
        int s = ins.size();
        int f = ins.downsample();
        double chi2 = 0;
        int ndf = 0;
        for (int y = 0; y < s; y += f) {
            for (int x = 0; x < s; x += f) {
                double r = data[y * s + x] - blurred[y * s + x];
                chi2 += r * r;
                ndf++;
            }
        }
        return chi2 / (sigma * sigma) / ndf;
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
