package org.realitycheck.astro.degrade;

/**
 * Circular (periodic) convolution of real images with a PSF through power-of-two FFTs. Periodic
 * boundaries make the operator exactly flux-conserving and make it commute with a constant sky, which
 * Richardson–Lucy and the forward model rely on. Holds scratch buffers; <b>not</b> thread-safe.
 */
public final class Convolver {
    private final int h;
    private final int w;
    private final Fft2 fft;
    private final double[] re;
    private final double[] im;

    /**
     * @param h rows, a power of two
     * @param w columns, a power of two
     */
    public Convolver(int h, int w) {
        this.h = h;
        this.w = w;
        this.fft = new Fft2(h, w);
        this.re = new double[h * w];
        this.im = new double[h * w];
    }

    public int height() {
        return h;
    }

    public int width() {
        return w;
    }

    /**
     * {@code out = psf ⊛ in} (or the adjoint, {@code psf ⋆ in}) on the periodic grid.
     *
     * @param in input, {@code h·w} values, read from {@code inOffset}
     * @param otf the PSF's transfer function for this grid
     * @param adjoint true for correlation (the transpose of convolution)
     * @param out output, written at {@code outOffset}; may be the same array as {@code in}
     */
    public void apply(double[] in, int inOffset, Otf otf, boolean adjoint, double[] out, int outOffset) {
        check(otf);
        System.arraycopy(in, inOffset, re, 0, h * w);
        java.util.Arrays.fill(im, 0.0);
        fft.forward(re, im);
        otf.multiply(re, im, adjoint);
        fft.inverse(re, im);
        System.arraycopy(re, 0, out, outOffset, h * w);
    }

    /**
     * Convolves two real images with one FFT pair: {@code a + i·b} is transformed, multiplied and
     * transformed back, and since the PSF is real the real part is {@code P ⊛ a} and the imaginary part
     * {@code P ⊛ b}. Both arrays ({@code h·w} values) are overwritten with their results.
     */
    public void applyPair(double[] a, double[] b, Otf otf, boolean adjoint) {
        check(otf);
        System.arraycopy(a, 0, re, 0, h * w);
        System.arraycopy(b, 0, im, 0, h * w);
        fft.forward(re, im);
        otf.multiply(re, im, adjoint);
        fft.inverse(re, im);
        System.arraycopy(re, 0, a, 0, h * w);
        System.arraycopy(im, 0, b, 0, h * w);
    }

    /** As {@link #apply(double[], int, Otf, boolean, double[], int)} for float images. */
    public void apply(float[] in, int inOffset, Otf otf, boolean adjoint, float[] out, int outOffset) {
        check(otf);
        for (int i = 0; i < h * w; i++) {
            re[i] = in[inOffset + i];
        }
        java.util.Arrays.fill(im, 0.0);
        fft.forward(re, im);
        otf.multiply(re, im, adjoint);
        fft.inverse(re, im);
        for (int i = 0; i < h * w; i++) {
            out[outOffset + i] = (float) re[i];
        }
    }

    private void check(Otf otf) {
        if (otf.height() != h || otf.width() != w) {
            throw new IllegalArgumentException("OTF is " + otf.height() + "x" + otf.width() + ", convolver is " + h + "x" + w);
        }
    }
}
