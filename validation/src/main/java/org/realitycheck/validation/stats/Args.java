package org.realitycheck.validation.stats;

/** Argument checks shared by the statistics classes; package-private. */
final class Args {

    private Args() {
    }

    /** Requires a non-null array with at least {@code min} entries, all finite. */
    static double[] finite(String name, double[] x, int min) {
        if (x == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (x.length < min) {
            throw new IllegalArgumentException(
                    name + " must have at least " + min + " value(s), got " + x.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(
                        name + " must be finite, got " + x[i] + " at index " + i);
            }
        }
        return x;
    }

    /** Requires a confidence level strictly inside (0, 1). */
    static double level(double level) {
        if (!(level > 0.0 && level < 1.0)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        return level;
    }

    /** Requires a non-null rectangular matrix with at least {@code minRows} rows and one column, all finite. */
    static int matrix(String name, double[][] x, int minRows) {
        if (x == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (x.length < minRows) {
            throw new IllegalArgumentException(
                    name + " must have at least " + minRows + " row(s), got " + x.length);
        }
        int dim = -1;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null) {
                throw new IllegalArgumentException(name + " row " + i + " must not be null");
            }
            if (dim < 0) {
                dim = x[i].length;
                if (dim == 0) {
                    throw new IllegalArgumentException(name + " rows must have at least one column");
                }
            } else if (x[i].length != dim) {
                throw new IllegalArgumentException(name + " must be rectangular: row 0 has " + dim
                        + " columns, row " + i + " has " + x[i].length);
            }
            for (int j = 0; j < dim; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException(
                            name + " must be finite, got " + x[i][j] + " at [" + i + "][" + j + "]");
                }
            }
        }
        return dim;
    }

    static double[] sortedCopy(double[] x) {
        double[] s = x.clone();
        java.util.Arrays.sort(s);
        return s;
    }
}
