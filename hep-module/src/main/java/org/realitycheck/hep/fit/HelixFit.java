package org.realitycheck.hep.fit;

import java.util.Arrays;
import java.util.Objects;

import org.realitycheck.hep.track.TrackParameters;

/**
 * The result of a {@link HelixFitter} fit: the perigee parameters, their 5×5 covariance (row-major,
 * order q/p_T, φ0, d0, z0, cot θ; the circle and line blocks are uncorrelated by construction) and
 * the χ² of the circle fit (rφ) and of the line fit (z).
 *
 * @param params fitted parameters
 * @param covariance 25 values, row-major
 * @param chi2Circle χ² of the rφ residuals
 * @param ndfCircle n − 3
 * @param chi2Line χ² of the z residuals
 * @param ndfLine n − 2
 */
public record HelixFit(TrackParameters params, double[] covariance, double chi2Circle, int ndfCircle, double chi2Line,
        int ndfLine) {
    public HelixFit {
        Objects.requireNonNull(params, "params");
        if (covariance.length != 25) {
            throw new IllegalArgumentException("covariance needs 25 values, got " + covariance.length);
        }
        covariance = covariance.clone();
        if (ndfCircle < 0 || ndfLine < 0) {
            throw new IllegalArgumentException("ndf must be >= 0, got " + ndfCircle + ", " + ndfLine);
        }
    }

    /** @return standard uncertainty of parameter {@code i} (0 = q/p_T … 4 = cot θ) */
    public double sigma(int i) {
        return Math.sqrt(covariance[6 * i]);
    }

    /** @return element (i, j) of the covariance */
    public double cov(int i, int j) {
        return covariance[5 * i + j];
    }

    /** @return total χ², circle plus line */
    public double chi2() {
        return chi2Circle + chi2Line;
    }

    /** @return total degrees of freedom, 2n − 5 */
    public int ndf() {
        return ndfCircle + ndfLine;
    }

    /** @return σ of the five parameters */
    public double[] sigmas() {
        double[] s = new double[5];
        for (int i = 0; i < 5; i++) {
            s[i] = sigma(i);
        }
        return s;
    }

    @Override
    public double[] covariance() {
        return covariance.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HelixFit f && f.params.equals(params) && Arrays.equals(f.covariance, covariance)
                && f.chi2Circle == chi2Circle && f.ndfCircle == ndfCircle && f.chi2Line == chi2Line && f.ndfLine == ndfLine;
    }

    @Override
    public int hashCode() {
        return params.hashCode() * 31 + Arrays.hashCode(covariance);
    }

    @Override
    public String toString() {
        return "HelixFit[" + params + ", σ=" + Arrays.toString(sigmas()) + ", χ²=" + chi2() + "/" + ndf() + "]";
    }
}
