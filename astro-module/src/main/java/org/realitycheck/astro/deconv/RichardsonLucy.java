package org.realitycheck.astro.deconv;

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
 * @param iterations number of iterations, {@code >= 1} (default 30)
 */
public record RichardsonLucy(int iterations) implements Deconvolver {
    /** Default number of iterations. */
    public static final int DEFAULT_ITERATIONS = 30;

    private static final ThreadLocal<double[][]> WORK = ThreadLocal.withInitial(() -> new double[3][0]);

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
        double[][] wk = WORK.get();
        if (wk[0].length != n) {
            wk = new double[][] {new double[n], new double[n], new double[n]};
            WORK.set(wk);
        }
        double[] u = wk[0];
        double[] data = wk[1];
        double[] t = wk[2];
        float[] out = new float[measured.length];
        for (int b = 0; b < ins.bands(); b++) {
            int o = b * n;
            double min = Double.POSITIVE_INFINITY;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                min = Math.min(min, measured[o + i]);
                sum += measured[o + i];
            }
            double sigma = ins.skySigma();
            double ped = Math.max(3 * sigma, sigma - min);
            double start = sum / n + ped;
            for (int i = 0; i < n; i++) {
                data[i] = measured[o + i] + ped;
                u[i] = start;
            }
            for (int it = 0; it < iterations; it++) {
                ForwardOperator.apply(ins, u, 0, t, 0, false);
                for (int i = 0; i < n; i++) {
                    t[i] = t[i] > 0 ? data[i] / t[i] : 0;
                }
                ForwardOperator.apply(ins, t, 0, t, 0, true);
                for (int i = 0; i < n; i++) {
                    u[i] *= t[i];
                }
            }
            for (int i = 0; i < n; i++) {
                out[o + i] = (float) (u[i] - ped);
            }
        }
        return out;
    }
}
