package org.realitycheck.astro.degrade;

import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * In-place 2-D discrete Fourier transform of a power-of-two {@code h × w} complex grid, done as 1-D
 * transforms of the rows then the columns with commons-math3's allocation-free
 * {@link FastFourierTransformer#transformInPlace}. The forward transform is unnormalised and the
 * inverse divides by {@code h·w} ({@link DftNormalization#STANDARD}), so {@code inverse(forward(x)) = x}.
 *
 * <p>An instance holds its scratch rows and is <b>not</b> thread-safe; use one per thread.
 */
public final class Fft2 {
    private final int h;
    private final int w;
    private final double[][] row;
    private final double[][] col;

    /**
     * @param h rows, a power of two {@code >= 1}
     * @param w columns, a power of two {@code >= 1}
     */
    public Fft2(int h, int w) {
        if (Integer.bitCount(h) != 1 || Integer.bitCount(w) != 1) {
            throw new IllegalArgumentException("FFT sizes must be powers of two, got " + h + "x" + w);
        }
        this.h = h;
        this.w = w;
        this.row = new double[2][w];
        this.col = new double[2][h];
    }

    public int height() {
        return h;
    }

    public int width() {
        return w;
    }

    /** Forward transform of {@code (re, im)}, each {@code h·w} row-major, in place. */
    public void forward(double[] re, double[] im) {
        transform(re, im, TransformType.FORWARD);
    }

    /** Inverse transform (scaled by {@code 1/(h·w)}), in place. */
    public void inverse(double[] re, double[] im) {
        transform(re, im, TransformType.INVERSE);
    }

    private void transform(double[] re, double[] im, TransformType type) {
        double[] rr = row[0];
        double[] ri = row[1];
        for (int y = 0; y < h; y++) {
            int o = y * w;
            System.arraycopy(re, o, rr, 0, w);
            System.arraycopy(im, o, ri, 0, w);
            FastFourierTransformer.transformInPlace(row, DftNormalization.STANDARD, type);
            System.arraycopy(rr, 0, re, o, w);
            System.arraycopy(ri, 0, im, o, w);
        }
        double[] cr = col[0];
        double[] ci = col[1];
        for (int x = 0; x < w; x++) {
            for (int y = 0, o = x; y < h; y++, o += w) {
                cr[y] = re[o];
                ci[y] = im[o];
            }
            FastFourierTransformer.transformInPlace(col, DftNormalization.STANDARD, type);
            for (int y = 0, o = x; y < h; y++, o += w) {
                re[o] = cr[y];
                im[o] = ci[y];
            }
        }
    }
}
