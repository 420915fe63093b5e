package org.realitycheck.astro.degrade;

/**
 * The optical transfer function of a PSF stamp on an {@code h × w} periodic grid: the DFT of the
 * stamp placed with its centre pixel at (0, 0) and wrapped. Multiplying an image's DFT by it is a
 * circular convolution with the stamp; multiplying by its conjugate is the adjoint (correlation).
 * Immutable and shareable between threads.
 */
public final class Otf {
    private final int h;
    private final int w;
    private final double[] re;
    private final double[] im;

    private Otf(int h, int w, double[] re, double[] im) {
        this.h = h;
        this.w = w;
        this.re = re;
        this.im = im;
    }

    /**
     * @param stamp the PSF stamp, {@code size × size} row-major, size odd and {@code <= min(h, w)}
     * @param size the stamp's side
     * @param h grid rows, a power of two
     * @param w grid columns, a power of two
     * @return the transfer function
     */
    public static Otf of(float[] stamp, int size, int h, int w) {
        if (size % 2 != 1 || size > h || size > w || stamp.length != size * size) {
            throw new IllegalArgumentException("stamp must be odd-sized, at most " + h + "x" + w + " and have size² values; got size "
                    + size + " with " + stamp.length + " values");
        }
        double[] re = new double[h * w];
        double[] im = new double[h * w];
        int c = size / 2;
        for (int j = 0; j < size; j++) {
            int y = Math.floorMod(j - c, h);
            for (int i = 0; i < size; i++) {
                int x = Math.floorMod(i - c, w);
                re[y * w + x] += stamp[j * size + i];
            }
        }
        new Fft2(h, w).forward(re, im);
        return new Otf(h, w, re, im);
    }

    public int height() {
        return h;
    }

    public int width() {
        return w;
    }

    /** Real part at flat frequency index {@code k}. */
    public double re(int k) {
        return re[k];
    }

    /** Imaginary part at flat frequency index {@code k}. */
    public double im(int k) {
        return im[k];
    }

    /**
     * Multiplies {@code (xr, xi)} by this transfer function (or its conjugate), in place.
     *
     * @param adjoint true for the conjugate (correlation with the stamp)
     */
    void multiply(double[] xr, double[] xi, boolean adjoint) {
        double s = adjoint ? -1 : 1;
        for (int k = 0; k < re.length; k++) {
            double a = xr[k];
            double b = xi[k];
            double c = re[k];
            double d = s * im[k];
            xr[k] = a * c - b * d;
            xi[k] = a * d + b * c;
        }
    }
}
